// civic-server, citizen API: exactly-once submissions, receipts, status, malformed input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  addOperator, asOperator, civicApi, envelopes, login, profileKeys, rehash, removeDir,
  startServer, submit,
} from './harness.mjs';

let server;
let keys;
let admin;

// Every stored submission, through the admin's queue.
async function storedIds() {
  const queue = await asOperator(server.url, admin, '/api/v1/operator/queue?limit=500');
  assert.equal(queue.status, 200);
  return queue.body.items.map((item) => item.submission_id);
}

before(async () => {
  server = await startServer();
  keys = await profileKeys(server.url);
  addOperator(server.data, 'root', 'admin', '', 'root-password-1');
  admin = (await login(server.url, 'root', 'root-password-1')).body.token;
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

test('health, metrics and security headers', async () => {
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok' });
  assert.match(health.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(health.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.equal(health.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(health.headers.get('x-frame-options'), 'DENY');
  assert.equal(health.headers.get('referrer-policy'), 'no-referrer');
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  assert.match(metrics, /civic_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
  assert.match(metrics, /civic_http_request_duration_seconds_bucket\{route="\/healthz",le="\+Inf"\}/);
});

test('the profile has the keys and an ETag; If-None-Match gives 304', async () => {
  const first = await fetch(`${server.url}/api/v1/profile`);
  assert.equal(first.status, 200);
  const bundle = await first.json();
  assert.equal(bundle.id, 'sofia');
  assert.match(bundle.keys.envelope, /^[0-9a-f]{64}$/);
  assert.match(bundle.keys.receipt, /^[0-9a-f]{64}$/);
  const etag = first.headers.get('etag');
  assert.ok(etag);
  const second = await fetch(`${server.url}/api/v1/profile`, { headers: { 'If-None-Match': etag } });
  assert.equal(second.status, 304);
});

test('a submission gets a signed receipt, and its token shows the status', async () => {
  const [envelope] = envelopes(keys.envelope, 1, { seed: '01'.repeat(32) });
  const answer = await submit(server.url, envelope);
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  const { receipt } = answer.body;
  assert.equal(receipt.format, 'civickit-receipt/2');
  assert.match(receipt.submission_id, /^[0-9A-HJKMNP-TV-Z]{11}$/);
  assert.match(receipt.status_token, /^[0-9A-HJKMNP-TV-Z]{16}$/);
  assert.equal(receipt.envelope_hash, envelope.content_hash);
  assert.deepEqual(receipt.form, envelope.form);
  assert.deepEqual(civicApi('receipt.verify', { receipt, public_key: keys.receipt }), { valid: true });
  const forged = { ...receipt, received_at: '2020-01-01T00:00:00Z' };
  assert.equal(civicApi('receipt.verify', { receipt: forged, public_key: keys.receipt }).error.code,
      'receipt.bad_signature');

  const status = await fetch(`${server.url}/api/v1/submissions/${receipt.submission_id}`,
      { headers: { Authorization: `Bearer ${receipt.status_token}` } });
  assert.equal(status.status, 200);
  const body = await status.json();
  assert.equal(body.status, 'received');
  assert.equal(body.submission_id, receipt.submission_id);
  // As a person types them: lower case, hyphens, O for 0 and L for 1.
  const typed = (code) => code.toLowerCase().replace(/(.{4})(?!$)/g, '$1-').replaceAll('0', 'o').replaceAll('1', 'l');
  const spoken = await fetch(`${server.url}/api/v1/submissions/${typed(receipt.submission_id)}`,
      { headers: { Authorization: `Bearer ${typed(receipt.status_token)}` } });
  assert.equal(spoken.status, 200);
  const wrong = await fetch(`${server.url}/api/v1/submissions/${receipt.submission_id}?token=${'0'.repeat(32)}`);
  assert.equal(wrong.status, 404);
  assert.equal(wrong.headers.get('content-type'), 'application/problem+json');
});

test('50 parallel retries of one submission: stored once, one receipt for all', async () => {
  const [envelope] = envelopes(keys.envelope, 1, { seed: '02'.repeat(32) });
  const answers = await Promise.all(Array.from({ length: 50 }, () => submit(server.url, envelope)));
  const statuses = answers.map((a) => a.status);
  assert.ok(statuses.every((s) => s === 201 || s === 200), statuses.join(','));
  assert.equal(statuses.filter((s) => s === 201).length, 1);
  const receipts = new Set(answers.map((a) => JSON.stringify(a.body.receipt)));
  assert.equal(receipts.size, 1);
  const id = answers[0].body.receipt.submission_id;
  assert.equal((await storedIds()).filter((stored) => stored === id).length, 1);
  // and a later retry still gets it
  const later = await submit(server.url, envelope);
  assert.equal(later.status, 200);
  assert.deepEqual(later.body.receipt, answers[0].body.receipt);
});

test('a retry needs the envelope: its id and content hash alone do not yield the receipt', async () => {
  const [envelope] = envelopes(keys.envelope, 1, { seed: '06'.repeat(32) });
  assert.equal((await submit(server.url, envelope)).status, 201);
  const bare = { idempotency_id: envelope.idempotency_id, content_hash: envelope.content_hash };
  const answer = await submit(server.url, envelope, { body: JSON.stringify(bare) });
  assert.equal(answer.status, 422, JSON.stringify(answer.body));
  assert.equal(answer.body.receipt, undefined);
  assert.ok(!JSON.stringify(answer.body).includes('status_token'));
  // The envelope itself, even serialised differently, still gets its receipt.
  const reordered = Object.fromEntries(Object.entries(envelope).reverse());
  const retry = await submit(server.url, envelope, { body: JSON.stringify(reordered) });
  assert.equal(retry.status, 200, JSON.stringify(retry.body));
  assert.ok(retry.body.receipt.status_token);
});

test('the same key with other content is a 409 and changes nothing', async () => {
  const [first, second] = envelopes(keys.envelope, 2, { seed: '03'.repeat(32) });
  assert.equal((await submit(server.url, first)).status, 201);
  const reused = rehash({ ...second, idempotency_id: first.idempotency_id });
  const before = await storedIds();
  const answer = await submit(server.url, reused);
  assert.equal(answer.status, 409);
  assert.equal(answer.type, 'application/problem+json');
  assert.equal(answer.body.errors[0].code, 'submission.key_reused');
  assert.ok(answer.body.errors[0].message.bg && answer.body.errors[0].message.en);
  assert.deepEqual(await storedIds(), before);
});

test('every malformed input is a 4xx problem and stores nothing', async () => {
  const [good] = envelopes(keys.envelope, 1, { seed: '04'.repeat(32) });
  const tamperedSeal = { ...good, sealed: good.sealed.slice(0, 20) + (good.sealed[20] === 'A' ? 'B' : 'A') + good.sealed.slice(21) };
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  const cases = [
    ['bad JSON', { body: '{"format":', key: 'k1' }, 400, 'http.bad_json'],
    ['not JSON media type', { type: 'text/plain' }, 415, 'http.media_type'],
    ['a JSON-like media type', { type: 'application/jsonx' }, 415, 'http.media_type'],
    ['no Idempotency-Key', { key: null }, 400, 'submission.key_required'],
    ['key differs from the envelope', { key: 'ab'.repeat(16) }, 422, 'submission.key_mismatch'],
    ['wrong types', { body: JSON.stringify({ ...good, form: 7 }) }, 422, 'envelope.malformed'],
    ['a huge body', { body: JSON.stringify({ ...good, pad: 'x'.repeat(2 << 20) }) }, 413, 'http.too_large'],
    ['deep nesting', { body: deep, key: 'k2' }, 400, 'http.json_depth'],
    // Last-key-wins would read the second status; a reader taking the first, the other.
    ['a repeated member', { body: JSON.stringify(good).replace('"format":', '"format":"x","format":') }, 400, 'json.duplicate_key'],
    ['a byte order mark', { body: `\uFEFF${JSON.stringify(good)}` }, 400, 'json.bom'],
    ['bad envelope hash', { body: JSON.stringify({ ...good, created_at: '2026-11-24T09:00:00Z' }) }, 422, 'envelope.hash_mismatch'],
    ['bad seal', { body: JSON.stringify(rehash(tamperedSeal)) }, 422, 'envelope.seal_invalid'],
    ['unknown form', { body: JSON.stringify(rehash({ ...good, form: { ...good.form, id: 'no_such_form' } })) }, 422, 'submission.unknown_form'],
    ['other form version', { body: JSON.stringify(rehash({ ...good, form: { ...good.form, version: '1999.1' } })) }, 422, 'submission.version_mismatch'],
  ];
  const before = await storedIds();
  for (const [name, options, status, code] of cases) {
    const answer = await submit(server.url, good, options);
    assert.equal(answer.status, status, `${name}: ${JSON.stringify(answer.body)}`);
    assert.equal(answer.type, 'application/problem+json', name);
    assert.equal(answer.body.status, status, name);
    assert.equal(answer.body.errors[0].code, code, `${name}: ${JSON.stringify(answer.body.errors)}`);
  }
  assert.deepEqual(await storedIds(), before);
});

test('answers the server finds invalid are a 422 with the core report', async () => {
  // A client that skipped the browser's check: a move date in the future (a clear answer).
  const [valid] = envelopes(keys.envelope, 1, { seed: '05'.repeat(32) });
  const before = await storedIds();
  const answer = await submit(server.url, rehash({ ...valid, answers: { ...valid.answers, move_date: '2030-01-01' } }));
  assert.equal(answer.status, 422, JSON.stringify(answer.body));
  assert.equal(answer.body.report.valid, false);
  assert.ok(answer.body.errors.some((error) => error.path === '/move_date'), JSON.stringify(answer.body.errors));
  assert.deepEqual(await storedIds(), before);
});
