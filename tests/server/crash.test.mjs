// civic-server killed with SIGKILL in the middle of a submission load: after a restart
// every submission that got a 201 is present, intact and stored once; retries of the rest
// are stored exactly once too. Prints the counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addOperator, asOperator, envelopes, login, profileKeys, removeDir, startServer, submit, tempDir,
} from './harness.mjs';

const TOTAL = 400;
const CONCURRENCY = 32;

async function allStored(url, token) {
  const items = [];
  let after = '';
  for (;;) {
    const page = await asOperator(url, token, `/api/v1/operator/queue?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    assert.equal(page.status, 200);
    items.push(...page.body.items);
    if (!page.body.next) return items;
    after = page.body.next;
  }
}

test('kill -9 during a submission load loses and doubles nothing', async () => {
  const data = tempDir();
  let server = await startServer({ data });
  const keys = await profileKeys(server.url);
  const batch = envelopes(keys.envelope, TOTAL, { seed: '21'.repeat(32) });

  const acknowledged = new Map();  // idempotency_id → receipt
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (next < batch.length) {
      const envelope = batch[next++];
      try {
        const answer = await submit(server.url, envelope);
        if (answer.status === 201 || answer.status === 200) acknowledged.set(envelope.idempotency_id, answer.body.receipt);
      } catch { /* the connection died with the server: not acknowledged */ }
      if (!killed && acknowledged.size >= TOTAL / 4) {
        killed = true;
        server.proc.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const { signal } = await server.exited;
  assert.equal(signal, 'SIGKILL');

  server = await startServer({ data });
  try {
    addOperator(data, 'auditor', 'admin', '', 'auditor-pass-1');
    const token = (await login(server.url, 'auditor', 'auditor-pass-1')).body.token;
    const stored = await allStored(server.url, token);
    const byId = new Map();
    for (const item of stored) byId.set(item.submission_id, (byId.get(item.submission_id) ?? 0) + 1);

    let lost = 0;
    for (const receipt of acknowledged.values()) {
      const status = await fetch(`${server.url}/api/v1/submissions/${receipt.submission_id}?token=${receipt.status_token}`);
      if (status.status !== 200 || byId.get(receipt.submission_id) !== 1) lost += 1;
    }
    // Every envelope again (a client retrying after the outage): acknowledged ones get their
    // receipt back, the others are stored now; nothing is stored twice.
    let changedReceipts = 0;
    for (const envelope of batch) {
      const answer = await submit(server.url, envelope);
      assert.ok(answer.status === 200 || answer.status === 201, JSON.stringify(answer.body));
      const first = acknowledged.get(envelope.idempotency_id);
      if (first && (answer.status !== 200 || JSON.stringify(answer.body.receipt) !== JSON.stringify(first))) changedReceipts += 1;
    }
    const after = await allStored(server.url, token);
    const doubled = after.length - new Set(after.map((item) => item.submission_id)).size +
        Math.max(0, after.length - TOTAL);
    console.log(`kill -9: ${acknowledged.size} of ${TOTAL} acknowledged before the kill, ` +
        `${stored.length} stored at restart; lost ${lost}, doubled ${doubled}, ` +
        `receipts changed on retry ${changedReceipts}`);
    assert.equal(lost, 0);
    assert.equal(doubled, 0);
    assert.equal(changedReceipts, 0);
    assert.equal(after.length, TOTAL);
  } finally {
    await server.stop();
    removeDir(data);
  }
});
