// Prints the gzipped size of one module's code: NAME.wasm + NAME.mjs (its glue), and how it
// stands against an aim in KB when given one (issue 16: the citizen's civickit ≤ 150 KB).
//   node print-size.mjs NPM_DIR NAME [AIM_KB]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir, name, aimKb] = process.argv.slice(2);
let total = 0;
for (const file of [`${name}.wasm`, `${name}.mjs`]) {
  const bytes = readFileSync(join(dir, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`${name}: ${file} ${bytes.length} B, ${gz} B gzipped`);
}
// KB as the issue states aims, KiB as browsers' tools show sizes.
const sizes = (bytes) => `${bytes} B (${(bytes / 1000).toFixed(1)} KB, ${(bytes / 1024).toFixed(1)} KiB)`;
console.log(`${name}: wasm + glue ${sizes(total)} gzipped`);
if (aimKb !== undefined) {
  const aim = Number(aimKb) * 1000;
  console.log(`${name}: aim ≤ ${aimKb} KB: ${total <= aim ? `met, ${sizes(aim - total)} to spare` : `over by ${sizes(total - aim)}`}`);
}
