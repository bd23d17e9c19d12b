// civickit from Node: check personal numbers and validate a form's answers.
//   node examples/node/check.mjs 7501020018 7501010019
// In your project: npm install civickit, then `import { load } from 'civickit'`. Here the
// package is taken from the repository's wasm build (CIVICKIT_PACKAGE overrides it).
import { join } from 'node:path';

const packageDir = process.env.CIVICKIT_PACKAGE ?? join(import.meta.dirname, '../../build/wasm/wasm/npm');
const { load } = await import(join(packageDir, 'node.mjs'));
const civic = await load();

for (const number of process.argv.slice(2)) {
  const result = civic.checkId(number);
  console.log(result.valid ? `${number}: valid ${result.kind}, born ${result.birth_date}` : `${number}: ${result.message.en}`);
}

const form = {
  id: 'contact', version: 1, title: { bg: 'Контакт', en: 'Contact' },
  steps: [{ id: 'contact', title: { bg: 'Контакт', en: 'Contact' }, fields: [
    { id: 'egn', type: 'egn', required: true, label: { bg: 'ЕГН', en: 'EGN' } },
    { id: 'phone', type: 'phone', required: true, label: { bg: 'Телефон', en: 'Telephone' } }] }],
};
const report = civic.validateForm(form, { egn: '750102 0018', phone: '0888 123 456' });
console.log(`form valid: ${report.valid}; canonical answers: ${JSON.stringify(report.answers)}`);
const refused = civic.validateForm(form, { egn: '7501010019' });
for (const error of refused.errors) console.log(`${error.path}: ${error.message.en}`);
