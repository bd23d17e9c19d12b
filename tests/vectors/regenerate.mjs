// Fills in the "output" of every vector from the native CLI (`civic api`).
// Run after adding cases, then review the diff by hand before committing:
//   node tests/vectors/regenerate.mjs build/native/cli/civic
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const civic = process.argv[2];
if (!civic) throw new Error('usage: node tests/vectors/regenerate.mjs PATH/TO/civic');
const here = dirname(fileURLToPath(import.meta.url));

for (const file of readdirSync(here).filter((f) => f.endsWith('.json'))) {
  const suite = JSON.parse(readFileSync(join(here, file), 'utf8'));
  for (const vector of suite.cases) {
    const run = spawnSync(civic, ['api', suite.function, '-'], { input: JSON.stringify(vector.input) });
    vector.output = JSON.parse(run.stdout.toString());
  }
  const lines = suite.cases.map((c) => '    ' + JSON.stringify(c));
  writeFileSync(join(here, file),
      `{\n  "function": ${JSON.stringify(suite.function)},\n  "cases": [\n${lines.join(',\n')}\n  ]\n}\n`);
}
