// Node entry point: the same API as index.mjs, with civickit.wasm read from disk.
//
// Emscripten 3.1.6's ES-module glue expects CommonJS `__dirname` and `require` under
// Node and would `fetch` the wasm file. We hand it the bytes instead, and provide the
// two names only while the module factory runs, so no global is left behind.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { load as loadWith } from './index.mjs';

export { CivicError, Civickit, FormSession, localToday, randomHex } from './index.mjs';

const wasmUrl = new URL('./civickit.wasm', import.meta.url);
const voteWasmUrl = new URL('./civickit-vote.wasm', import.meta.url);
let wasmBinary;
let voteWasmBinary;

export async function load(options = {}) {
  wasmBinary ??= readFileSync(wasmUrl);
  if (options.vote) voteWasmBinary ??= readFileSync(voteWasmUrl);
  const saved = { require: globalThis.require, __dirname: globalThis.__dirname };
  globalThis.require = createRequire(import.meta.url);
  globalThis.__dirname = dirname(fileURLToPath(import.meta.url));
  try {
    const pending = loadWith({ wasmBinary, voteWasmBinary, ...options });
    return await pending;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete globalThis[name];
      else globalThis[name] = value;
    }
  }
}
