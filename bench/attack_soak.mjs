// The attack soak's driver (bench/attack_soak.sh starts the server): for DURATION seconds on
// loopback, SLOW slowloris connections (a partial head, one more byte every 2 s, reconnecting
// when refused), LOGINS parallel wrong logins, a stream of valid submissions from WRITERS
// clients, and a /healthz probe every 100 ms (2 s timeout). Prints one RESULT line.
//   node bench/attack_soak.mjs URL ENVELOPES.jsonl SERVER_PID
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';

const [url, envelopeFile, pid] = process.argv.slice(2);
const seconds = Number(process.env.DURATION ?? 60);
const slowCount = Number(process.env.SLOW ?? 200);
const loginCount = Number(process.env.LOGINS ?? 64);
const writers = Number(process.env.WRITERS ?? 4);
const envelopes = readFileSync(envelopeFile, 'utf8').trim().split('\n');
const { port } = new URL(url);
const end = Date.now() + seconds * 1000;
const running = () => Date.now() < end;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function slowloris() {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    let timer;
    const done = () => { clearInterval(timer); socket.destroy(); resolve(); };
    socket.on('connect', () => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ');
      timer = setInterval(() => (running() ? socket.write('a') : done()), 2000);
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}

async function timed(fn) {
  const started = performance.now();
  try { return { ok: await fn(), ms: performance.now() - started }; } catch { return { ok: false, ms: performance.now() - started }; }
}

const health = { ok: 0, total: 0 };
const submissions = [];
const logins = {};
let next = 0;

const tasks = [];
for (let i = 0; i < slowCount; i += 1) tasks.push((async () => { while (running()) { await slowloris(); await sleep(50); } })());
for (let i = 0; i < loginCount; i += 1) {
  tasks.push((async () => {
    while (running()) {
      const answer = await timed(async () => (await fetch(`${url}/api/v1/operator/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'wrong' }), signal: AbortSignal.timeout(10000),
      })).status);
      logins[answer.ok || 'error'] = (logins[answer.ok || 'error'] ?? 0) + 1;
      if (answer.ok === 503) await sleep(200);
    }
  })());
}
for (let i = 0; i < writers; i += 1) {
  tasks.push((async () => {
    while (running() && next < envelopes.length) {
      const envelope = envelopes[next++];
      const key = JSON.parse(envelope).idempotency_id;
      const answer = await timed(async () => (await fetch(`${url}/api/v1/submissions`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: envelope, signal: AbortSignal.timeout(10000),
      })).status === 201);
      submissions.push(answer);
    }
  })());
}
tasks.push((async () => {
  while (running()) {
    health.total += 1;
    const answer = await timed(async () => (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).status === 200);
    if (answer.ok) health.ok += 1;
    await sleep(100);
  }
})());
await Promise.all(tasks);

const latencies = submissions.filter((s) => s.ok).map((s) => s.ms).sort((a, b) => a - b);
const p = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1) : 'n/a');
const peak = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)[1]) / 1024;
console.log(`RESULT healthz_availability=${(100 * health.ok / Math.max(1, health.total)).toFixed(2)}% (${health.ok}/${health.total})`
  + ` submissions_ok=${latencies.length}/${submissions.length} p50_ms=${p(0.5)} p99_ms=${p(0.99)}`
  + ` logins=${JSON.stringify(logins)} peak_rss_mib=${peak.toFixed(0)}`);
