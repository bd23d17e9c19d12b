// The browser kiosk's download, each file and in all, as served and gzipped (level 9):
//   node bench/kiosk_size.mjs SITE_DIR     (build/wasm/kiosk/site)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir] = process.argv.slice(2);
let raw = 0;
let gzipped = 0;
for (const file of readdirSync(dir).sort()) {
  const bytes = readFileSync(join(dir, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += gz;
  console.log(`kiosk: ${file} ${bytes.length} B, ${gz} B gzipped`);
}
console.log(`kiosk: the whole download ${raw} B, ${gzipped} B gzipped (${(gzipped / 1024).toFixed(1)} KiB)`);
