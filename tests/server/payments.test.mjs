// civic-server, fee payments through the development provider: a request for the form's fee,
// the provider's signed callback, and everything that must change nothing — a forged, a
// replayed or a re-used callback, another amount.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addOperator, asOperator, envelopes, login, profileKeys, removeDir, startServer, submit,
} from './harness.mjs';

let server;
let keys;
let seedByte = 0x50;

async function submitted() {
  seedByte += 1;
  const [envelope] = envelopes(keys.envelope, 1, { answers: 'owner.json', seed: seedByte.toString(16).repeat(32) });
  return (await submit(server.url, envelope)).body.receipt;
}

async function call(method, receipt, token = receipt.status_token) {
  const response = await fetch(`${server.url}/api/v1/submissions/${receipt.submission_id}/payment`,
    { method, headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

function sign(body) {
  const key = readFileSync(join(server.data, 'keys', 'payment_callback.key'), 'utf8').trim();
  return createHmac('sha256', Buffer.from(key, 'hex')).update(body).digest('hex');
}

async function callback(event, signature) {
  const body = JSON.stringify(event);
  const response = await fetch(`${server.url}/api/v1/payments/callback`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Payment-Signature': signature ?? sign(body) }, body,
  });
  return { status: response.status, body: await response.json() };
}

before(async () => {
  server = await startServer({ args: ['--payments', 'development'] });
  keys = await profileKeys(server.url);
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

test('the citizen asks to pay the form\'s fee; asking again gives the same request', async () => {
  const receipt = await submitted();
  assert.equal((await call('POST', receipt, 'A'.repeat(16))).status, 404);
  assert.equal((await call('GET', receipt)).body.errors[0].code, 'payment.none');
  const made = await call('POST', receipt);
  assert.equal(made.status, 201);
  assert.equal(made.body.state, 'awaiting_payment');
  assert.equal(made.body.amount_eur, '2.56');
  assert.equal(made.body.pay_url, `/dev/pay/${made.body.payment_id}`);
  const again = await call('POST', receipt);
  assert.equal(again.status, 200);
  assert.equal(again.body.payment_id, made.body.payment_id);
});

test('a forged callback, another amount, a replay and a re-used transaction change nothing', async () => {
  const receipt = await submitted();
  const { payment_id: id } = (await call('POST', receipt)).body;
  const paid = { payment_id: id, transaction: 'bank-tx-1', outcome: 'paid', amount_cents: 256 };

  const forged = await callback(paid, sign('something else'));
  assert.equal(forged.status, 401);
  assert.equal(forged.body.errors[0].code, 'payment.bad_signature');
  const unsigned = await callback(paid, '');
  assert.equal(unsigned.status, 401);
  const cheaper = await callback({ ...paid, amount_cents: 1 });
  assert.equal(cheaper.status, 409);
  assert.equal(cheaper.body.errors[0].code, 'payment.amount_mismatch');
  assert.equal((await call('GET', receipt)).body.state, 'awaiting_payment');

  const counted = await callback(paid);
  assert.equal(counted.status, 200);
  assert.equal(counted.body.counted, true);
  assert.equal((await call('GET', receipt)).body.state, 'paid');
  const replay = await callback(paid);
  assert.deepEqual([replay.status, replay.body.counted, replay.body.state], [200, false, 'paid']);
  const failedLater = await callback({ ...paid, transaction: 'bank-tx-2', outcome: 'failed' });
  assert.equal(failedLater.body.counted, false);
  assert.equal((await call('GET', receipt)).body.state, 'paid');

  const other = await submitted();
  const { payment_id: otherId } = (await call('POST', other)).body;
  const reused = await callback({ ...paid, payment_id: otherId });
  assert.equal(reused.body.counted, false, 'one bank transaction pays one fee');
  assert.equal((await call('GET', other)).body.state, 'awaiting_payment');

  assert.equal((await callback({ ...paid, payment_id: 'NOSUCHPAYMNT' })).status, 404);
});

test('the development bank pays or fails; a failed payment can be asked for again; operators see it', async () => {
  const receipt = await submitted();
  const { payment_id: id } = (await call('POST', receipt)).body;
  const page = await fetch(`${server.url}/dev/pay/${id}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /2\.56 €/);
  const failed = await fetch(`${server.url}/dev/pay/${id}`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'outcome=failed',
  });
  assert.equal(failed.status, 303);
  assert.equal(failed.headers.get('location'), `/#/status/${receipt.submission_id}`);
  assert.equal((await call('GET', receipt)).body.state, 'failed');
  const retry = await call('POST', receipt);
  assert.equal(retry.status, 201);
  assert.notEqual(retry.body.payment_id, id);
  await fetch(`${server.url}/dev/pay/${retry.body.payment_id}`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'outcome=paid',
  });
  assert.equal((await call('GET', receipt)).body.state, 'paid');

  addOperator(server.data, 'op16', 'operator', '68134-16', 'op16-pass-1');
  const token = (await login(server.url, 'op16', 'op16-pass-1')).body.token;
  const opened = await asOperator(server.url, token, `/api/v1/operator/submissions/${receipt.submission_id}`);
  assert.equal(opened.body.payment.state, 'paid');
  assert.equal(opened.body.payment.amount_eur, '2.56');
});

test('a form that computes no fee has nothing to pay', async () => {
  const [proposal] = envelopes(keys.envelope, 1, { form: 'pb_proposal', answers: 'proposer.json', seed: '6e'.repeat(32) });
  const receipt = (await submit(server.url, proposal)).body.receipt;
  for (const method of ['GET', 'POST']) {
    const answer = await call(method, receipt);
    assert.equal(answer.status, 409, method);
    assert.equal(answer.body.errors[0].code, 'payment.no_fee');
  }
});

test('without a provider the fee is not taken online and there is no test bank', async () => {
  const plain = await startServer();
  try {
    const [envelope] = envelopes((await profileKeys(plain.url)).envelope, 1, { answers: 'owner.json', seed: '5f'.repeat(32) });
    const receipt = (await submit(plain.url, envelope)).body.receipt;
    const response = await fetch(`${plain.url}/api/v1/submissions/${receipt.submission_id}/payment`,
      { method: 'POST', headers: { Authorization: `Bearer ${receipt.status_token}` } });
    assert.equal(response.status, 503);
    assert.equal((await response.json()).errors[0].code, 'payment.unavailable');
    assert.equal((await fetch(`${plain.url}/dev/pay/ANY`)).status, 404);
  } finally {
    await plain.stop();
    removeDir(plain.data);
  }
});
