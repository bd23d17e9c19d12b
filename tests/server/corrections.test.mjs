// civic-server, the correction loop: an operator's "needs correction" names what is missing,
// the citizen sends a corrected declaration that names the one it corrects (proved by that
// one's status code), the first becomes "corrected", and the queue links the two.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  addOperator, asOperator, envelopes, login, profileKeys, removeDir, startServer, submit,
} from './harness.mjs';

let server;
let keys;
let token;
let seedByte = 0x30;

function freshEnvelope(answers = 'owner.json') {
  seedByte += 1;
  return envelopes(keys.envelope, 1, { answers, seed: seedByte.toString(16).padStart(2, '0').repeat(32) })[0];
}

async function decide(id, body) {
  return asOperator(server.url, token, `/api/v1/operator/submissions/${id}/decision`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function correct(envelope, original, statusCode = original.status_token) {
  const response = await fetch(`${server.url}/api/v1/submissions?corrects=${original.submission_id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': envelope.idempotency_id, Authorization: `Bearer ${statusCode}` },
    body: JSON.stringify(envelope),
  });
  return { status: response.status, body: await response.json() };
}

async function statusOf(receipt) {
  return (await fetch(`${server.url}/api/v1/submissions/${receipt.submission_id}?token=${receipt.status_token}`)).json();
}

async function needingCorrection() {
  const receipt = (await submit(server.url, freshEnvelope())).body.receipt;
  const asked = await decide(receipt.submission_id, {
    status: 'needs_correction', reason: { bg: 'Липсва нотариалният акт', en: 'The title deed is missing' },
    missing: ['documents'],
  });
  assert.equal(asked.status, 200);
  return receipt;
}

before(async () => {
  server = await startServer();
  addOperator(server.data, 'op16', 'operator', '68134-16', 'op16-pass-1');
  keys = await profileKeys(server.url);
  token = (await login(server.url, 'op16', 'op16-pass-1')).body.token;
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

test('a request for a correction names what is missing, by the form\'s own names', async () => {
  const original = await needingCorrection();
  const status = await statusOf(original);
  assert.equal(status.status, 'needs_correction');
  assert.deepEqual(status.decision.missing.map((m) => m.field), ['documents']);
  assert.ok(status.decision.missing[0].name.bg && status.decision.missing[0].name.en);

  const other = (await submit(server.url, freshEnvelope())).body.receipt;
  for (const missing of [['no_such_field'], ['documents', 'documents'], [], 'documents', [7]]) {
    const refused = await decide(other.submission_id, { status: 'needs_correction', reason: { bg: 'x' }, missing });
    assert.equal(refused.status, 422, JSON.stringify(missing));
    assert.equal(refused.body.errors[0].code, 'operator.bad_missing');
  }
  const onApproval = await decide(other.submission_id, { status: 'approved', missing: ['documents'] });
  assert.equal(onApproval.body.errors[0].code, 'operator.bad_missing');
});

test('the corrected declaration is linked both ways and the first one is closed', async () => {
  const original = await needingCorrection();
  const envelope = freshEnvelope();
  const sent = await correct(envelope, original);
  assert.equal(sent.status, 201);
  const fixed = sent.body.receipt;
  assert.notEqual(fixed.submission_id, original.submission_id);

  const retry = await correct(envelope, original);
  assert.equal(retry.status, 200, 'a retry of the same correction is answered as stored');
  assert.deepEqual(retry.body.receipt, fixed);

  const before = await statusOf(original);
  assert.equal(before.status, 'corrected');
  assert.equal(before.corrected_by, fixed.submission_id);
  const after = await statusOf(fixed);
  assert.equal(after.status, 'received');
  assert.equal(after.corrects, original.submission_id);

  const queue = await asOperator(server.url, token, '/api/v1/operator/queue?limit=200');
  const item = queue.body.items.find((i) => i.submission_id === fixed.submission_id);
  assert.equal(item.corrects, original.submission_id);
  const old = queue.body.items.find((i) => i.submission_id === original.submission_id);
  assert.equal(old.corrected_by, fixed.submission_id);

  const late = await decide(original.submission_id, { status: 'approved' });
  assert.equal(late.status, 409);
  assert.equal(late.body.errors[0].code, 'operator.decision_final');
  assert.equal((await decide(fixed.submission_id, { status: 'approved' })).status, 200);
});

test('only the holder of the status code corrects, only once, only what awaits a correction', async () => {
  const original = await needingCorrection();
  const wrongCode = await correct(freshEnvelope(), original, 'A'.repeat(16));
  assert.equal(wrongCode.status, 404);
  assert.equal(wrongCode.body.errors[0].code, 'submission.not_found');

  const received = (await submit(server.url, freshEnvelope())).body.receipt;
  const notAsked = await correct(freshEnvelope(), received);
  assert.equal(notAsked.status, 409);
  assert.equal(notAsked.body.errors[0].code, 'submission.not_correctable');

  const racing = await Promise.all([correct(freshEnvelope(), original), correct(freshEnvelope(), original)]);
  assert.deepEqual(racing.map((r) => r.status).sort(), [201, 409]);
  assert.equal(racing.find((r) => r.status === 409).body.errors[0].code, 'submission.not_correctable');
  const late = await correct(freshEnvelope(), original);
  assert.equal(late.status, 409);
});
