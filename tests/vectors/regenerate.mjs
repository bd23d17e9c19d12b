// Fills in the "output" of every vector from the native CLI (`civic api`).
// Run after adding cases, then review the diff by hand before committing:
//   node tests/vectors/regenerate.mjs build/native/cli/civic [FILE.json ...]
// With file names, only those files are rewritten.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [civic, ...only] = process.argv.slice(2);
if (!civic) throw new Error('usage: node tests/vectors/regenerate.mjs PATH/TO/civic');
const here = dirname(fileURLToPath(import.meta.url));

const files = only.length ? only : readdirSync(here).filter((f) => f.endsWith('.json'));
for (const file of files) {
  const suite = JSON.parse(readFileSync(join(here, file), 'utf8'));
  for (const vector of suite.cases) {
    const run = spawnSync(civic, ['api', suite.function, '-'], { input: JSON.stringify(vector.input) });
    const raw = run.stdout.toString().trimEnd();
    vector.output = JSON.parse(raw);
    // The node suite compares against JSON.stringify(output): it must give the same bytes.
    if (JSON.stringify(vector.output) !== raw) throw new Error(`${file}: ${vector.name}: output does not round-trip: ${raw}`);
  }
  const lines = suite.cases.map((c) => '    ' + JSON.stringify(c));
  writeFileSync(join(here, file),
      `{\n  "function": ${JSON.stringify(suite.function)},\n  "cases": [\n${lines.join(',\n')}\n  ]\n}\n`);
}
