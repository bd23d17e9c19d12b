// Node entry point: the same API as index.mjs, with the .wasm files read from disk and handed
// to the modules as bytes. The Emscripten glue is built for browsers and workers only (so a
// bundler finds no Node-only code in it); given its bytes, it needs nothing else in Node.
import { readFileSync } from 'node:fs';

import { load as loadWith } from './index.mjs';

export { CivicError, Civickit, FormSession, localToday, randomHex } from './index.mjs';

const wasmUrl = new URL('./civickit.wasm', import.meta.url);
const voteWasmUrl = new URL('./civickit-vote.wasm', import.meta.url);
const toolsWasmUrl = new URL('./civickit-tools.wasm', import.meta.url);
let wasmBinary;
let voteWasmBinary;
let toolsWasmBinary;

export async function load(options = {}) {
  wasmBinary ??= readFileSync(wasmUrl);
  // loadVote() and loadTools() may ask for the others at any time.
  voteWasmBinary ??= readFileSync(voteWasmUrl);
  toolsWasmBinary ??= readFileSync(toolsWasmUrl);
  return loadWith({ wasmBinary, voteWasmBinary, toolsWasmBinary, ...options });
}
