// The citizen app in headless Chromium against civic-server; prints figures, asserts nothing.
//   node bench/web_bench.mjs [build/web]      (make bench builds the app first)
// - time to interactive, cold (empty cache) and offline from the service worker's cache:
//   navigation start → the app has rendered its first page (body[data-ready]);
// - validation time per keystroke: FormSession.setAnswer in the page, one call per character;
// - first-visit transfer: every response the page loaded, and its size gzipped (-9), plus
//   what the service worker precaches.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, ready, root } from '../tests/e2e/harness.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const web = resolve(process.argv[2] ?? join(root, 'build/web'));
const RUNS = 5;
const server = await startServer({ web });
const chromium = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const interactive = (page) => page.evaluate(() => performance.now());

try {
  const cold = [];
  const offline = [];
  let transfer = null;
  for (let run = 0; run < RUNS; run++) {
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    const bodies = [];
    page.on('response', async (response) => {
      try { bodies.push({ url: response.url(), bytes: await response.body() }); } catch { /* redirects */ }
    });
    await page.goto(server.base);
    await ready(page);
    cold.push(await interactive(page));
    await page.evaluate(() => navigator.serviceWorker.ready);
    transfer ??= sizes(bodies);
    await context.setOffline(true);
    const again = await context.newPage();
    await again.goto(server.base);
    await ready(again);
    offline.push(await interactive(again));
    await context.close();
  }
  const keystrokes = await perKeystroke();
  const precache = precacheSize();
  console.log(`web: time to interactive, cold            median ${median(cold).toFixed(0)} ms  (${cold.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`web: time to interactive, offline (SW)    median ${median(offline).toFixed(0)} ms  (${offline.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`web: validation per keystroke (in page)   median ${keystrokes.median.toFixed(3)} ms, p95 ${keystrokes.p95.toFixed(3)} ms over ${keystrokes.n} keystrokes`);
  console.log(`web: first visit, page responses          ${transfer.count} responses, ${kb(transfer.raw)} raw, ${kb(transfer.gz)} gzipped`);
  console.log(`web: service worker precache              ${precache.count} files, ${kb(precache.raw)} raw, ${kb(precache.gz)} gzipped`);
  for (const { url, raw, gz } of transfer.largest) console.log(`       ${kb(gz).padStart(9)} gz  ${kb(raw).padStart(9)} raw  ${url}`);
} finally {
  await chromium.close();
  await server.stop();
}

function sizes(bodies) {
  const items = bodies.map(({ url, bytes }) => ({ url: new URL(url).pathname, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length }));
  return {
    count: items.length, raw: items.reduce((s, i) => s + i.raw, 0), gz: items.reduce((s, i) => s + i.gz, 0),
    largest: items.sort((a, b) => b.gz - a.gz).slice(0, 5),
  };
}

function precacheSize() {
  const manifest = readFileSync(join(web, 'precache-manifest.mjs'), 'utf8');
  const list = JSON.parse(manifest.slice(manifest.indexOf('['), manifest.lastIndexOf(']') + 1));
  const files = list.map(({ url }) => readFileSync(join(web, url)));
  return { count: files.length, raw: files.reduce((s, f) => s + f.length, 0), gz: files.reduce((s, f) => s + gzipSync(f, { level: 9 }).length, 0) };
}

// Types a name and an address part one character at a time into the profile's form, as the
// app does (FormSession.setAnswer per input event), timing each call in the page.
async function perKeystroke() {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  await page.goto(server.base);
  await ready(page);
  const times = await page.evaluate(async () => {
    const { load } = await import('/vendor/civickit/index.mjs');
    const civic = await load();
    const bundle = await (await fetch('/api/v1/profile')).json();
    const profile = civic.loadProfile(bundle);
    const form = bundle.forms.find((f) => f.id === 'address_change');
    const session = profile.openForm(form.id, {});
    const fields = form.steps.flatMap((s) => s.fields);
    const text = fields.find((f) => f.type === 'text') ?? fields[0];
    const address = fields.find((f) => f.type === 'address');
    const typed = 'Иван Петров Иванов';
    const result = [];
    for (let round = 0; round < 20; round++) {
      for (let i = 1; i <= typed.length; i++) {
        const start = performance.now();
        session.setAnswer(`/${text.id}`, typed.slice(0, i));
        result.push(performance.now() - start);
      }
      if (address) {
        for (const value of ['1', '12', '12А']) {
          const start = performance.now();
          session.setAnswer(`/${address.id}/number`, value);
          result.push(performance.now() - start);
        }
      }
    }
    session.close();
    return result;
  });
  await context.close();
  const sorted = [...times].sort((a, b) => a - b);
  return { n: times.length, median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
