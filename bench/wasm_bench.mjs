// The same calls as bench/core_bench.cpp, through the wasm module in Node; prints ns/op, wall
// clock and this process's CPU time (on a shared, loaded machine the CPU time varies less).
//   node --no-experimental-fetch bench/wasm_bench.mjs build/wasm/wasm/npm
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const packageDir = resolve(process.argv[2] ?? 'build/wasm/wasm/npm');
const { load } = await import(pathToFileURL(join(packageDir, 'node.mjs')).href);
const civic = await load({ vote: true, tools: true });

function bench(name, fn, iterations = 200000) {
  for (let i = 0; i < iterations / 10; ++i) fn();  // warm-up
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < iterations; ++i) fn();
  const ns = Number(process.hrtime.bigint() - start) / iterations;
  const cpu = process.cpuUsage(cpuStart);
  const cpuNs = ((cpu.user + cpu.system) * 1000) / iterations;
  console.log(`${name.padEnd(34)} ${ns.toFixed(0).padStart(10)} ns/op ${cpuNs.toFixed(0).padStart(10)} ns/op CPU`);
}

const idCheck = JSON.stringify({ number: '6101057509', today: '2026-11-25' });
bench('wasm id.check (JSON text)', () => civic.callJson('id.check', idCheck));
bench('wasm checkId (direct)', () => civic.checkId('6101057509', { today: '2026-11-25' }));
const addressText = 'ж.к. „Младост“ 1, бл. 12, вх. А, ет. 3, ап. 9, 1784 София';
const address = JSON.stringify({ text: addressText });
bench('wasm text.translit (JSON text)', () => civic.callJson('text.translit', address));
bench('wasm transliterate (direct)', () => civic.transliterate(addressText));
bench('wasm transliterate(""): the toll', () => civic.transliterate(''));
const streetText = 'бул. „Витоша“ 12';
const street = JSON.stringify({ text: streetText });
bench('wasm text.fold (JSON text)', () => civic.callJson('text.fold', street));
bench('wasm foldForSearch (direct)', () => civic.foldForSearch(streetText));

// Rules and ballots, on the inputs of the first parity vector of each kind.
const vectors = new URL('../tests/vectors/', import.meta.url);
const firstInput = (file) => JSON.parse(readFileSync(new URL(file, vectors), 'utf8')).cases[0].input;

const formCase = firstInput('forms.json');
bench('wasm form.validate (JSON text)', () => civic.callJson('form.validate', JSON.stringify(formCase)), 2000);
const session = civic.openFormSession(formCase.form, { today: formCase.today });
try {
  session.setAnswers(formCase.answers);
  let flip = false;
  bench('wasm FormSession.setAnswer', () => session.setAnswer('/name', (flip = !flip) ? 'Мария' : 'Иван'), 2000);
} finally {
  session.close();
}
const ballot = JSON.stringify(firstInput('vote.json'));
bench('wasm vote.encrypt (vector ballot)', () => civic.callJson('vote.encrypt', ballot), 50);
// Sofia Chooses 2022 (as bench/vote_bench.cpp): 38 proposals, 4 chosen, one contest.
const options = Array.from({ length: 38 }, (_, i) => ({ id: `p${i + 1}`, title: { bg: 'Проект', en: 'Project' } }));
const ballot38 = JSON.stringify({
  ...firstInput('vote.json'),
  manifest: { id: 'sofia-2022', title: { bg: 'София избира', en: 'Sofia Chooses' },
    contests: [{ id: 'city', title: { bg: 'Град', en: 'City' }, min: 0, max: 4, options }] },
  selections: { city: ['p4', 'p12', 'p21', 'p38'] },
});
bench('wasm vote.encrypt (38 options, 4 chosen)', () => civic.callJson('vote.encrypt', ballot38), 50);

// The Sofia profile: the bundle assembled from shared/profiles/sofia, its gzipped size (data,
// reported apart from the module's), a full validation of the address-change declaration per
// change, and a suggestion per keystroke on the largest register (Витоша, 68134-17).
const { assembleProfile } = await import('../wasm/tools/profile-bundle.mjs');
const { gzipSync } = await import('node:zlib');
const sofiaDir = new URL('../shared/profiles/sofia', import.meta.url).pathname;
const bundle = assembleProfile(sofiaDir, (input) => civic.call('register.import', input));
const bundleText = JSON.stringify(bundle);
console.log(`Sofia bundle: ${bundleText.length} bytes, ${gzipSync(bundleText, { level: 9 }).length} bytes gzipped`);
bench('wasm loadProfile (Sofia)', () => civic.loadProfile(bundleText).delete(), 20);
const profile = civic.loadProfile(bundle);
const owner = JSON.parse(readFileSync(new URL('../tests/profile/sofia/owner.json', import.meta.url), 'utf8'));
const change = profile.openForm('address_change', { today: '2026-11-25', answers: owner });
try {
  let flip = false;
  bench('wasm address_change full validation', () => change.setAnswer('/new_address/apartment', (flip = !flip) ? '4' : '5'), 2000);
} finally {
  change.close();
}
const texts = ['д', 'др', 'дра', 'драг', 'драга', 'drag'];
let keystroke = 0;
bench('wasm suggestAddresses (Витоша)', () => profile.suggestAddresses({ text: texts[keystroke++ % texts.length], district: '68134-17' }), 2000);
profile.delete();
