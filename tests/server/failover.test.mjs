// Two civic-server replicas over one real PostgreSQL behind a real load balancer (haproxy
// with deploy/haproxy.cfg): the load is shared; a replica killed with SIGKILL mid-burst loses
// and doubles nothing while the other keeps answering; PostgreSQL restarted mid-burst makes
// requests fail with 503 and Retry-After, and service resumes without restarting
// civic-server. Prints the counts of each burst.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startBalancer } from './balancer.mjs';
import { envelopes, profileKeys, submit } from './harness.mjs';
import { startReplicaSet } from './replica_set.mjs';

const CONCURRENCY = 16;

let set;
let a;
let b;
let balancer;
let publicKey;

before(async () => {
  set = await startReplicaSet();
  a = await set.startReplica();  // creates the development keys every replica shares
  b = await set.startReplica();
  balancer = await startBalancer([a.url, b.url]);
  publicKey = (await profileKeys(balancer.url)).envelope;
});

after(async () => {
  await balancer.stop();
  await set.stop();
});

async function createdOn(replica) {
  const metrics = await (await fetch(`${replica.url}/metrics`)).text();
  return Number(metrics.match(/civic_events_total\{event="submission_created"\} (\d+)/)?.[1] ?? 0);
}

// Sends every envelope of `batch` through `url` with CONCURRENCY clients, each retrying an
// envelope until it gets a 2xx, as the web app's outbox does. `onAnswer(answer, envelope)`
// sees every answer (or { status: 'network' }) and may return a promise to wait on before
// the retry. Resolves with Map idempotency_id → receipt.
async function burst(url, batch, onAnswer = () => {}) {
  const acknowledged = new Map();
  const pending = [...batch];
  const client = async () => {
    for (let envelope = pending.shift(); envelope; envelope = pending.shift()) {
      for (;;) {
        let answer;
        try {
          answer = await submit(url, envelope);
        } catch {
          answer = { status: 'network' };
        }
        const wait = onAnswer(answer, envelope);
        if (answer.status === 200 || answer.status === 201) {
          const first = acknowledged.get(envelope.idempotency_id);
          assert.ok(!first || JSON.stringify(first) === JSON.stringify(answer.body.receipt), 'a retry changed the receipt');
          acknowledged.set(envelope.idempotency_id, answer.body.receipt);
          break;
        }
        assert.ok(answer.status === 503 || answer.status === 'network', JSON.stringify(answer));
        await wait;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return acknowledged;
}

// Every acknowledged envelope is stored exactly once, with the receipt its client got.
function assertStoredOnce(acknowledged) {
  const stored = set.storedUnder([...acknowledged.keys()]);
  let wrong = 0;
  for (const [key, receipt] of acknowledged) {
    const row = stored.get(key);
    if (!row || row.count !== 1 || JSON.stringify(row.receipt) !== JSON.stringify(receipt)) wrong += 1;
  }
  assert.equal(wrong, 0, `${wrong} acknowledged submissions not stored exactly once`);
  return stored.size;
}

test('two replicas behind haproxy share a burst and store each submission once', async () => {
  const batch = envelopes(publicKey, 200, { seed: '41'.repeat(32) });
  const before = [await createdOn(a), await createdOn(b)];
  const acknowledged = await burst(balancer.url, batch);
  const served = [(await createdOn(a)) - before[0], (await createdOn(b)) - before[1]];
  console.log(`balanced burst: ${acknowledged.size} of ${batch.length} stored; replica a created ${served[0]}, b ${served[1]}`);
  assert.equal(acknowledged.size, batch.length);
  assert.equal(served[0] + served[1], batch.length);
  assert.ok(served[0] > 0 && served[1] > 0, 'both replicas served');
  assert.equal(assertStoredOnce(acknowledged), batch.length);
});

test('PostgreSQL restarted during a burst: 503 with Retry-After, then service resumes', async () => {
  const batch = envelopes(publicKey, 300, { seed: '42'.repeat(32) });
  let down = null;      // resolves once PostgreSQL is back
  let unavailable = 0;  // 503 answers
  let withoutRetryAfter = 0;
  let answered = 0;
  const restarted = (async () => {
    // Wait for the burst to be under way, then stop PostgreSQL while requests are in flight.
    await new Promise((resolve) => { down = { started: resolve }; });
    await set.cluster.halt();
    // Down: a request now is a 503 with Retry-After and the storage error, on every replica.
    for (const replica of [a, b]) {
      const [probe] = envelopes(publicKey, 1, { seed: replica === a ? '43'.repeat(32) : '44'.repeat(32) });
      const refused = await fetch(`${replica.url}/api/v1/submissions`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': probe.idempotency_id },
        body: JSON.stringify(probe),
      });
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('retry-after'), '1');
      assert.equal((await refused.json()).type, 'https://civickit.example/problems/storage-unavailable');
    }
    await set.cluster.resume();
  })();
  const back = restarted.then(() => {});
  const acknowledged = await burst(balancer.url, batch, (answer) => {
    answered += 1;
    if (answered === batch.length / 4) down.started();
    if (answer.status === 503) {
      unavailable += 1;
      if (answer.headers?.get?.('retry-after') === null) withoutRetryAfter += 1;
      return back;  // retry once PostgreSQL is back (the outbox would retry after Retry-After)
    }
    return undefined;
  });
  await restarted;
  console.log(`PostgreSQL restart: ${acknowledged.size} of ${batch.length} stored; ` +
      `${unavailable} answers were 503 during the outage`);
  assert.equal(acknowledged.size, batch.length);
  assert.equal(withoutRetryAfter, 0);
  assert.equal(a.proc.exitCode, null, 'replica a kept running');
  assert.equal(b.proc.exitCode, null, 'replica b kept running');
  assert.equal(assertStoredOnce(acknowledged), batch.length);
});

test('kill -9 of one replica during a burst: every 2xx stored once, the other keeps answering', async () => {
  const batch = envelopes(publicKey, 400, { seed: '45'.repeat(32) });
  let answered = 0;
  let afterKill = 0;
  let killed = false;
  const acknowledged = await burst(balancer.url, batch, (answer) => {
    answered += 1;
    if (killed && (answer.status === 200 || answer.status === 201)) afterKill += 1;
    if (!killed && answered >= batch.length / 4) {
      killed = true;
      b.proc.kill('SIGKILL');
    }
    return undefined;
  });
  const { signal } = await b.exited;
  console.log(`kill -9 behind the balancer: ${acknowledged.size} of ${batch.length} stored, ` +
      `${afterKill} of them after the kill`);
  assert.equal(signal, 'SIGKILL');
  assert.ok(afterKill > 0, 'the surviving replica answered after the kill');
  assert.equal((await fetch(`${balancer.url}/healthz`)).status, 200);
  assert.equal(acknowledged.size, batch.length);
  assert.equal(assertStoredOnce(acknowledged), batch.length);
});
