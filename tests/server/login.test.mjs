// civic-server's operator login under attack (issue 14): lockout counted atomically, bounded
// Argon2id work, no user name discovery, lockout that cannot shut an administrator out,
// bounded audit records, token revocation on a password reset, no-store answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  addOperator, asOperator, login, peakMemoryMiB, postFrom, removeDir, serverCli, startServer,
} from './harness.mjs';

let server;
let admin;

before(async () => {
  server = await startServer({ args: ['--hash-slots', '2', '--hash-queue', '8'] });
  addOperator(server.data, 'admin', 'admin', '', 'admin-pass-1');
  addOperator(server.data, 'victim', 'operator', '68134-07', 'victim-pass-1');
  addOperator(server.data, 'reset', 'operator', '68134-07', 'reset-pass-1');
  admin = (await login(server.url, 'admin', 'admin-pass-1')).body.token;
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function auditEntries() {
  const page = await asOperator(server.url, admin, '/api/v1/operator/audit?limit=1000&after=0');
  assert.equal(page.status, 200);
  return page.body.entries;
}

test('39 parallel wrong passwords lock the account: the right one after them is refused', async () => {
  const wrong = await Promise.all(Array.from({ length: 39 }, () => postFrom(server.url, '/api/v1/operator/login', { username: 'victim', password: 'nope' }, '127.0.0.1')));
  const counts = {};
  for (const answer of wrong) counts[answer.status] = (counts[answer.status] ?? 0) + 1;
  assert.deepEqual(Object.keys(counts).filter((s) => s !== '401' && s !== '503'), [], JSON.stringify(counts));
  assert.ok(counts[401] >= 5, JSON.stringify(counts));
  for (const answer of wrong.filter((a) => a.status === 503)) assert.equal(answer.headers['retry-after'], '1');
  const right = await postFrom(server.url, '/api/v1/operator/login', { username: 'victim', password: 'victim-pass-1' }, '127.0.0.1');
  assert.equal(right.status, 401);
  // Locked and wrong answer alike.
  const stillWrong = await postFrom(server.url, '/api/v1/operator/login', { username: 'victim', password: 'nope' }, '127.0.0.1');
  assert.deepEqual(right.body, stillWrong.body);
  assert.equal(right.body.errors[0].code, 'operator.bad_credentials');
  // The lock holds for that address only: the operator signs in from elsewhere.
  const elsewhere = await postFrom(server.url, '/api/v1/operator/login', { username: 'victim', password: 'victim-pass-1' }, '127.0.0.2');
  assert.equal(elsewhere.status, 200);
  // And `operator unlock` lifts it.
  const unlocked = serverCli(['operator', 'unlock', '--data', server.data, '--username', 'victim']);
  assert.equal(unlocked.status, 0, unlocked.stderr);
  const again = await postFrom(server.url, '/api/v1/operator/login', { username: 'victim', password: 'victim-pass-1' }, '127.0.0.1');
  assert.equal(again.status, 200);
});

test('64 parallel logins: some wait, the rest get 503 + Retry-After, memory stays flat', async () => {
  const answers = await Promise.all(Array.from({ length: 64 }, (_, i) => postFrom(server.url, '/api/v1/operator/login', { username: `nobody${i}`, password: 'x' }, '127.0.0.3')));
  const statuses = answers.map((a) => a.status);
  assert.ok(statuses.every((s) => s === 401 || s === 503), statuses.join(','));
  assert.ok(statuses.includes(503));
  assert.ok(statuses.filter((s) => s === 401).length >= 2);
  // 2 slots × 64 MiB, not 64 × 64 MiB (an AddressSanitizer build carries its own quarantine).
  const sanitized = readFileSync(`/proc/${server.proc.pid}/maps`, 'utf8').includes('libasan');
  assert.ok(peakMemoryMiB(server.proc) < (sanitized ? 1500 : 400), `${peakMemoryMiB(server.proc)} MiB`);
});

test('an unknown user takes as long as a wrong password', async () => {
  const time = async (username) => {
    const started = process.hrtime.bigint();
    const answer = await postFrom(server.url, '/api/v1/operator/login', { username, password: 'wrong-guess' }, '127.0.0.4');
    assert.equal(answer.status, 401);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const unknown = [];
  const known = [];
  for (let i = 0; i < 4; i += 1) {  // under the lockout threshold
    unknown.push(await time(`ghost${i}`));
    known.push(await time('reset'));
  }
  assert.ok(median(unknown) > 0.4 * median(known), `unknown ${median(unknown)} ms, wrong ${median(known)} ms`);
  serverCli(['operator', 'unlock', '--data', server.data, '--username', 'reset']);
});

test('the audit log never keeps what an unknown user typed, and bounds what it keeps', async () => {
  const secret = 'correct-horse-battery-staple';
  assert.equal((await login(server.url, secret, 'x')).status, 401);
  const huge = await login(server.url, 'u'.repeat(1 << 19), 'x');
  assert.equal(huge.status, 400);
  assert.equal(huge.body.errors[0].code, 'operator.too_long');
  const entries = await auditEntries();
  const text = JSON.stringify(entries);
  assert.ok(!text.includes(secret));
  assert.ok(!text.includes('uuuuuuuu'));
  assert.ok(entries.some((e) => e.action === 'login_refused' && /^unknown:[0-9a-f]{32}$/.test(e.actor)));
  assert.ok(entries.every((e) => e.actor.length <= 64 && e.subject.length <= 64));
  // A query that reaches the audit log is bounded too.
  const long = await asOperator(server.url, admin, `/api/v1/operator/queue?district=${'d'.repeat(1000)}`);
  assert.equal(long.status, 400);
  const oddStatus = await asOperator(server.url, admin, '/api/v1/operator/queue?status=%22%0A');
  assert.equal(oddStatus.status, 400);
});

test('audit?after=0 starts at the first entry', async () => {
  const entries = await auditEntries();
  assert.equal(entries[0].seq, 1);
});

test('a password reset (operator add) revokes the account\'s tokens', async () => {
  const before = await login(server.url, 'reset', 'reset-pass-1');
  assert.equal(before.status, 200);
  assert.equal((await asOperator(server.url, before.body.token, '/api/v1/operator/queue')).status, 200);
  addOperator(server.data, 'reset', 'operator', '68134-07', 'reset-pass-2');
  assert.equal((await asOperator(server.url, before.body.token, '/api/v1/operator/queue')).status, 401);
  assert.equal((await login(server.url, 'reset', 'reset-pass-2')).status, 200);
});

test('operator answers are never cached', async () => {
  const response = await fetch(`${server.url}/api/v1/operator/queue`, { headers: { Authorization: `Bearer ${admin}` } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const refused = await fetch(`${server.url}/api/v1/operator/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"x","password":"y"}' });
  assert.equal(refused.headers.get('cache-control'), 'no-store');
});

test('Content-Type must match exactly', async () => {
  const response = await fetch(`${server.url}/api/v1/operator/login`, { method: 'POST', headers: { 'Content-Type': 'application/jsonx' }, body: '{"username":"admin","password":"admin-pass-1"}' });
  assert.equal(response.status, 415);
  const withCharset = await fetch(`${server.url}/api/v1/operator/login`, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"username":"admin","password":"admin-pass-1"}' });
  assert.equal(withCharset.status, 200);
});
