// Prints the gzipped size of the module's code: civickit.wasm + civickit.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2];
let total = 0;
for (const file of ['civickit.wasm', 'civickit.mjs']) {
  const bytes = readFileSync(join(dir, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`civickit: ${file} ${bytes.length} B, ${gz} B gzipped`);
}
console.log(`civickit: wasm + glue ${total} B gzipped (${(total / 1024).toFixed(1)} KiB)`);
