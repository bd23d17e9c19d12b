// civic-server, operator API: login and lockout, district scoping, decisions, audit chain,
// register import, rate limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addOperator, asOperator, envelopes, login, profileDir, profileKeys, removeDir, serverCli,
  startServer, submit,
} from './harness.mjs';

let server;
let ownerReceipt;   // district 68134-16 (owner.json)
let parentReceipt;  // district 68134-01 (parent.json)
const tokens = {};

before(async () => {
  server = await startServer();
  addOperator(server.data, 'admin', 'admin', '', 'admin-pass-1');
  addOperator(server.data, 'op16', 'operator', '68134-16', 'op16-pass-1');
  addOperator(server.data, 'op01', 'operator', '68134-01', 'op01-pass-1');
  addOperator(server.data, 'victim', 'operator', '68134-07', 'victim-pass-1');
  const keys = await profileKeys(server.url);
  const [owner] = envelopes(keys.envelope, 1, { answers: 'owner.json', seed: '11'.repeat(32) });
  const [parent] = envelopes(keys.envelope, 1, { answers: 'parent.json', seed: '12'.repeat(32) });
  ownerReceipt = (await submit(server.url, owner)).body.receipt;
  parentReceipt = (await submit(server.url, parent)).body.receipt;
  for (const [name, password] of [['admin', 'admin-pass-1'], ['op16', 'op16-pass-1'], ['op01', 'op01-pass-1']]) {
    const answer = await login(server.url, name, password);
    assert.equal(answer.status, 200);
    tokens[name] = answer.body.token;
  }
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

test('the operator API needs a valid token', async () => {
  const none = await fetch(`${server.url}/api/v1/operator/queue`);
  assert.equal(none.status, 401);
  const forged = await asOperator(server.url, 'f'.repeat(64), '/api/v1/operator/queue');
  assert.equal(forged.status, 401);
});

test('wrong passwords lock the account, even against the right one', async () => {
  for (let i = 0; i < 4; i += 1) assert.equal((await login(server.url, 'victim', 'nope')).status, 401);
  assert.equal((await login(server.url, 'victim', 'nope')).status, 423);
  const right = await login(server.url, 'victim', 'victim-pass-1');
  assert.equal(right.status, 423);
  assert.equal(right.body.errors[0].code, 'operator.locked');
});

test('an operator sees and opens only their district', async () => {
  const own = await asOperator(server.url, tokens.op16, '/api/v1/operator/queue');
  assert.equal(own.status, 200);
  const ids = own.body.items.map((item) => item.submission_id);
  assert.ok(ids.includes(ownerReceipt.submission_id));
  assert.ok(!ids.includes(parentReceipt.submission_id));
  assert.ok(own.body.items.every((item) => item.district === '68134-16'));

  const otherQueue = await asOperator(server.url, tokens.op16, '/api/v1/operator/queue?district=68134-01');
  assert.equal(otherQueue.status, 403);
  const otherOpen = await asOperator(server.url, tokens.op16, `/api/v1/operator/submissions/${parentReceipt.submission_id}`);
  assert.equal(otherOpen.status, 403);
  assert.equal(otherOpen.body.answers, undefined);
  const otherDecide = await asOperator(server.url, tokens.op16, `/api/v1/operator/submissions/${parentReceipt.submission_id}/decision`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'approved' }) });
  assert.equal(otherDecide.status, 403);

  const opened = await asOperator(server.url, tokens.op16, `/api/v1/operator/submissions/${ownerReceipt.submission_id}`);
  assert.equal(opened.status, 200);
  assert.equal(opened.body.district, '68134-16');
  assert.equal(opened.body.report.valid, true);
  const answers = JSON.parse(readFileSync(join(profileDir, '..', '..', '..', 'tests', 'profile', 'sofia', 'owner.json'), 'utf8'));
  // The personal answers come out of the seal (the core stores answers in canonical form).
  for (const name of ['egn', 'name', 'move_date', 'new_address']) assert.deepEqual(opened.body.answers[name], answers[name], name);

  const admin = await asOperator(server.url, tokens.admin, `/api/v1/operator/submissions/${parentReceipt.submission_id}`);
  assert.equal(admin.status, 200);
});

test('queue filters and paging', async () => {
  const page = await asOperator(server.url, tokens.admin, '/api/v1/operator/queue?limit=1');
  assert.equal(page.body.items.length, 1);
  assert.ok(page.body.next);
  const rest = await asOperator(server.url, tokens.admin, `/api/v1/operator/queue?limit=1&after=${encodeURIComponent(page.body.next)}`);
  assert.equal(rest.body.items.length, 1);
  assert.notEqual(rest.body.items[0].submission_id, page.body.items[0].submission_id);
  const byStatus = await asOperator(server.url, tokens.admin, '/api/v1/operator/queue?status=approved');
  assert.ok(byStatus.body.items.every((item) => item.status === 'approved'));
});

test('a decision with a reason reaches the citizen; the audit chain verifies', async () => {
  const post = (body) => asOperator(server.url, tokens.op01, `/api/v1/operator/submissions/${parentReceipt.submission_id}/decision`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal((await post({ status: 'rejected' })).status, 422);
  assert.equal((await post({ status: 'maybe' })).status, 422);
  const reason = { bg: 'Липсва подпис', en: 'The signature is missing' };
  const decided = await post({ status: 'rejected', reason });
  assert.equal(decided.status, 200);
  const status = await fetch(`${server.url}/api/v1/submissions/${parentReceipt.submission_id}?token=${parentReceipt.status_token}`);
  const body = await status.json();
  assert.equal(body.status, 'rejected');
  assert.deepEqual(body.decision, { reason });

  assert.equal((await asOperator(server.url, tokens.op16, '/api/v1/operator/audit')).status, 403);
  const log = await asOperator(server.url, tokens.admin, '/api/v1/operator/audit?limit=1000');
  assert.equal(log.status, 200);
  const actions = log.body.entries.map((entry) => `${entry.actor}:${entry.action}`);
  assert.ok(actions.includes('op01:decide'));
  assert.ok(actions.includes('op16:open'));
  assert.ok(actions.includes('op16:open_refused'));
  const verify = await asOperator(server.url, tokens.admin, '/api/v1/operator/audit/verify');
  assert.equal(verify.body.valid, true);
  assert.equal(verify.body.count, log.body.entries.length);
  const cli = serverCli(['audit', 'verify', '--data', server.data]);
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(JSON.parse(cli.stdout).valid, true);
});

test('a final decision stays final unless an admin reopens it; parallel decisions never overwrite', async () => {
  const post = (token, body) => asOperator(server.url, token, `/api/v1/operator/submissions/${parentReceipt.submission_id}/decision`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const code = (answer) => answer.body.errors[0].code;
  // Rejected by the test before.
  const flip = await post(tokens.op01, { status: 'approved' });
  assert.equal(flip.status, 409);
  assert.equal(code(flip), 'operator.decision_final');
  assert.equal(code(await post(tokens.op01, { status: 'received', reason: { bg: 'Грешка' } })), 'operator.decision_final');
  assert.equal(code(await post(tokens.admin, { status: 'received' })), 'operator.bad_reason');
  assert.equal(code(await post(tokens.admin, { status: 'received', reason: { de: 'Fehler' } })), 'operator.bad_reason');
  const reopened = await post(tokens.admin, { status: 'received', reason: { en: 'Rejected by mistake' } });
  assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
  assert.equal(code(await post(tokens.admin, { status: 'received', reason: { en: 'again' } })), 'operator.bad_transition');

  // Two final decisions at once: exactly one is taken, the other is refused, not overwritten.
  const both = await Promise.all([post(tokens.op01, { status: 'approved' }), post(tokens.admin, { status: 'rejected', reason: { bg: 'Дубликат' } })]);
  assert.deepEqual(both.map((a) => a.status).sort(), [200, 409]);
  const loser = both.find((a) => a.status === 409);
  assert.ok(['operator.decision_conflict', 'operator.decision_final'].includes(code(loser)), code(loser));
  const winner = both.findIndex((a) => a.status === 200) === 0 ? 'approved' : 'rejected';
  const status = await (await fetch(`${server.url}/api/v1/submissions/${parentReceipt.submission_id}?token=${parentReceipt.status_token}`)).json();
  assert.equal(status.status, winner);
  if (winner === 'rejected') assert.deepEqual(status.decision, { reason: { bg: 'Дубликат' } });

  const log = await asOperator(server.url, tokens.admin, '/api/v1/operator/audit?limit=1000');
  const reopen = log.body.entries.find((entry) => entry.action === 'reopen');
  assert.equal(reopen.actor, 'admin');
  assert.equal(reopen.details.from, 'rejected');
});

test('register import: a bad CSV is refused, a good one replaces the district register', async () => {
  const csv = readFileSync(join(profileDir, 'register', '68134-16.csv'), 'utf8');
  const importAs = (token, district, body) => asOperator(server.url, token, `/api/v1/operator/districts/${district}/register`,
      { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body });
  assert.equal((await importAs(tokens.op01, '68134-16', csv)).status, 403);
  const bad = await importAs(tokens.op16, '68134-16', 'not,a,register\n1,2,3\n');
  assert.equal(bad.status, 422);
  const before = await fetch(`${server.url}/api/v1/profile`);
  const good = await importAs(tokens.op16, '68134-16', csv);
  assert.equal(good.status, 200, JSON.stringify(good.body));
  assert.ok(good.body.report.accepted > 0);
  const after = await fetch(`${server.url}/api/v1/profile`);
  assert.equal(after.status, 200);
  assert.ok(before.headers.get('etag'));
});

test('a client over the rate limit gets 429', async () => {
  const limited = await startServer({ args: ['--rate', '5'] });
  try {
    const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`${limited.url}/healthz`)));
    const statuses = answers.map((a) => a.status);
    assert.ok(statuses.includes(429));
    assert.ok(statuses.includes(200));
  } finally {
    await limited.stop();
    removeDir(limited.data);
  }
});
