// Prints the gzipped size of one module's code: NAME.wasm + NAME.mjs (its glue).
//   node print-size.mjs NPM_DIR NAME
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir, name] = process.argv.slice(2);
let total = 0;
for (const file of [`${name}.wasm`, `${name}.mjs`]) {
  const bytes = readFileSync(join(dir, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`${name}: ${file} ${bytes.length} B, ${gz} B gzipped`);
}
console.log(`${name}: wasm + glue ${total} B gzipped (${(total / 1024).toFixed(1)} KiB)`);
