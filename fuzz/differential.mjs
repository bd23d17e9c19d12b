// Differential fuzz for parity: the same random JSON API calls through the native core
// (civic_api_lines) and the wasm module (the npm package) must give byte-identical answers,
// and neither may crash. Inputs are the `api` corpus files (FUNCTION, newline, JSON text),
// mutated by a seeded generator: the same seed gives the same calls.
//
//   node fuzz/differential.mjs --native build/native/fuzz/civic_api_lines \
//     --package build/wasm/wasm/npm [--calls N | --seconds S] [--seed S] [--corpus DIR]...
//     [--findings DIR]
//
// Prints one summary line; exits 1 when a call differed or crashed (each one is written to the
// findings folder as FUNCTION, newline, input: a file the `api` fuzz target replays as it is).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { mutateCall } from './differential/mutate.mjs';
import { randomGenerator } from './differential/random.mjs';

const { values: options } = parseArgs({
  options: {
    native: { type: 'string' },
    package: { type: 'string' },
    calls: { type: 'string' },
    seconds: { type: 'string' },
    seed: { type: 'string' },
    corpus: { type: 'string', multiple: true },
    findings: { type: 'string' },
  },
});
if (!options.native || !options.package) {
  console.error('usage: differential.mjs --native CIVIC_API_LINES --package NPM_DIR [--calls N | --seconds S]');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const seed = Number(options.seed ?? Date.now() % 2 ** 31);
const callLimit = options.seconds ? Infinity : Number(options.calls ?? 2000);
const deadline = options.seconds ? Date.now() + Number(options.seconds) * 1000 : Infinity;
const findingsDir = resolve(options.findings ?? join(root, 'build/fuzz-findings/differential'));
const batchSize = 500;

const seeds = readSeeds(options.corpus ?? [join(root, 'fuzz/corpus/api')]);
const functions = [...new Set(seeds.map((call) => call.function))];
const random = randomGenerator(seed);
const packageEntry = join(resolve(options.package), 'node.mjs');
if (!existsSync(packageEntry)) {
  console.error(`differential: no wasm package at ${options.package} (build it first: make wasm)`);
  process.exit(2);
}
const civickit = await import(pathToFileURL(packageEntry).href);
let civic = await civickit.load({ vote: true, tools: true });

let calls = 0;
let refusals = 0;
const differences = [];
while (calls < callLimit && Date.now() < deadline) {
  const batch = [];
  while (batch.length < Math.min(batchSize, callLimit - calls)) {
    batch.push(mutateCall(seeds[random.below(seeds.length)], seeds, functions, random));
  }
  const native = answerNatively(batch);
  for (const [index, call] of batch.entries()) {
    const wasm = await answerInWasm(call);
    if (native[index] !== wasm) differences.push({ call, native: native[index], wasm });
    if (wasm.startsWith('{"error":')) ++refusals;
  }
  calls += batch.length;
}

for (const [index, { call, native, wasm }] of differences.entries()) {
  mkdirSync(findingsDir, { recursive: true });
  const file = join(findingsDir, `seed${seed}_${index}`);
  writeFileSync(file, `${call.function}\n${call.input}`);
  console.error(`differs: ${call.function} (input in ${file})\n  native: ${clip(native)}\n  wasm:   ${clip(wasm)}`);
}
console.log(`differential: ${calls} calls of ${functions.length} functions (${calls - refusals} answered, ` +
  `${refusals} refused), seed ${seed}: ${differences.length} differences`);
process.exit(differences.length === 0 ? 0 : 1);

// Every FUNCTION\nJSON file of the corpus folders.
function readSeeds(folders) {
  const found = [];
  for (const folder of folders) {
    for (const name of readdirSync(folder).sort()) {
      const text = readFileSync(join(folder, name), 'utf8');
      const newline = text.indexOf('\n');
      if (newline > 0) found.push({ function: text.slice(0, newline), input: text.slice(newline + 1) });
    }
  }
  if (found.length === 0) throw new Error(`no FUNCTION\\nJSON files in ${folders.join(', ')}`);
  return found;
}

// The native answers of a batch, one per call; a call the process did not answer (it crashed)
// is answered by its exit status, so it differs from any wasm answer.
function answerNatively(batch) {
  const answers = [];
  let next = 0;
  while (next < batch.length) {
    const input = batch.slice(next).map((call) => JSON.stringify([call.function, call.input])).join('\n');
    const run = spawnSync(options.native, [], { input: `${input}\n`, maxBuffer: 1 << 30 });
    if (run.error) throw run.error;
    const lines = run.stdout.toString('utf8').split('\n');
    lines.pop();  // the empty string after the last newline
    answers.push(...lines);
    next += lines.length;
    if (run.status !== 0 && next < batch.length) {
      answers.push(`native process stopped (status ${run.status}, signal ${run.signal}): ` +
        run.stderr.toString('utf8').slice(-400));
      next += 1;
    }
  }
  return answers;
}

// The wasm answer of one call; a module that aborted is reported and replaced by a fresh one.
async function answerInWasm(call) {
  try {
    return civic.callJson(call.function, call.input);
  } catch (error) {
    civic = await civickit.load({ vote: true, tools: true });
    return `wasm module aborted: ${error}`;
  }
}

function clip(text) {
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
}
