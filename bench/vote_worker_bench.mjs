// Ballot encryption in the citizen app's Web Worker (web/app/vote/worker.mjs), in headless
// Chromium; prints figures, asserts nothing.
//   node bench/vote_worker_bench.mjs [build/web]     (make bench builds the app first)
// The ballot is the largest of the profile's sample elections (the most options), every
// contest filled to its maximum: one vote.encrypt plus the worker's own vote.verify_ballot of
// the result, as a voter waits for it. "first" includes starting the worker and loading the
// vote module; "warm" is the median of the following ballots in the same worker.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, ready, root } from '../tests/e2e/harness.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const web = resolve(process.argv[2] ?? join(root, 'build/web'));
const RUNS = 10;
// Any valid joint key serves to measure encryption: the vote vectors' ceremony has one.
const jointKey = JSON.parse(readFileSync(join(root, 'tests/vectors/vote-board/ceremony.json'), 'utf8')).joint_key;
const server = await startServer({ web });
const chromium = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const page = await (await chromium.browser.newContext()).newPage();
  await page.goto(server.base);
  await ready(page);
  const figures = await page.evaluate(async ({ jointKey, runs }) => {
    const bundle = await (await fetch('/api/v1/profile')).json();
    const options = (m) => m.contests.reduce((n, c) => n + c.options.length, 0);
    const manifest = [...bundle.elections].sort((a, b) => options(b) - options(a))[0];
    const selections = Object.fromEntries(manifest.contests.map((c) => [c.id, c.options.slice(0, c.max).map((o) => o.id)]));
    const worker = new Worker('/app/vote/worker.mjs', { type: 'module' });
    let next = 0;
    const encrypt = () => new Promise((resolve, reject) => {
      const id = next++;
      const started = performance.now();
      worker.onmessage = ({ data }) => {
        if (data.id !== id || data.progress) return;
        if (data.error) reject(new Error(JSON.stringify(data.error)));
        else resolve(performance.now() - started);
      };
      worker.postMessage({ id, op: 'encrypt', input: { manifest, joint_key: jointKey, selections, credential_seed: '42'.repeat(32), device: 'bench', time: '2026-12-02T06:00:00Z' } });
    });
    const first = await encrypt();
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await encrypt());
    worker.terminate();
    return { election: manifest.id, contests: manifest.contests.map((c) => `${c.id}: ${c.options.length} options, max ${c.max}`), first, warm };
  }, { jointKey, runs: RUNS });
  console.log(`vote worker (Chromium ${chromium.browser.version()}): election ${figures.election} (${figures.contests.join('; ')})`);
  console.log(`  encrypt + self-check, first ballot (worker start + vote module load): ${figures.first.toFixed(0)} ms`);
  console.log(`  encrypt + self-check, warm: median ${median(figures.warm).toFixed(0)} ms, min ${Math.min(...figures.warm).toFixed(0)} ms, max ${Math.max(...figures.warm).toFixed(0)} ms (${RUNS} ballots)`);
} finally {
  await chromium.close();
  await server.stop();
}
