// civic-server, qualified e-signatures through the development provider: the citizen signs
// the envelope's content hash on the development "phone" before sending it, the server binds
// the signature to the envelope (Signature-Request), checks the signer is the applicant, and
// the receipt names the certificate. Everything that must change nothing: an expired, a
// refused or a re-used request, a signature over another hash, a forged callback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createPrivateKey, createPublicKey, randomBytes, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addOperator, asOperator, civicApi, envelopes, login, profileKeys, removeDir, startServer, submit, tempDir,
} from './harness.mjs';

const APPLICANT = '8809268343';  // owner.json's EGN
const SOMEONE_ELSE = '9708265965';  // resident.json's EGN

let server;
let keys;
let clockFile;
let clock = 1_800_000_000;
let seedByte = 0x30;

function setClock(seconds) {
  clock = seconds;
  writeFileSync(clockFile, String(seconds));
}

function envelope() {
  seedByte += 1;
  return envelopes(keys.envelope, 1, { answers: 'owner.json', seed: seedByte.toString(16).repeat(32) })[0];
}

async function json(path, init = {}) {
  const response = await fetch(`${server.url}${path}`, init);
  return { status: response.status, body: await response.json() };
}

function requestSignature(contentHash) {
  return json('/api/v1/signatures', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ content_hash: contentHash }),
  });
}

const signing = (id) => json(`/api/v1/signatures/${id}`);

// The development "phone" answers: what its page then says the state is.
async function phone(id, outcome, personalNumber = APPLICANT) {
  const response = await fetch(`${server.url}/dev/sign/${id}`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ outcome, name: 'Георги Иванов Петров', personal_number: personalNumber }).toString(),
  });
  assert.equal(response.status, 200);
  return (await response.text()).match(/id="state">([a-z]+)</)[1];
}

async function signed(contentHash, personalNumber = APPLICANT) {
  const made = await requestSignature(contentHash);
  assert.equal(made.status, 201);
  assert.equal(await phone(made.body.request, 'signed', personalNumber), 'signed');
  return made.body.request;
}

function submitSigned(sealed, request) {
  return json('/api/v1/submissions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': sealed.idempotency_id, 'Signature-Request': request },
    body: JSON.stringify(sealed),
  });
}

function callbackKey() {
  return Buffer.from(readFileSync(join(server.data, 'keys', 'signing_callback.key'), 'utf8').trim(), 'hex');
}

const canonical = (v) => (v && typeof v === 'object'
  ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
  : JSON.stringify(v));

function ed25519(seed) {
  const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  return { key, public: createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex') };
}

// What a provider would send: a certificate of the development CA (docs/signing.md) for the
// applicant, and their signature of `contentHash`.
function signedEvent(request, contentHash) {
  const ca = ed25519(Buffer.from(readFileSync(join(server.data, 'keys', 'signing_ca.key'), 'utf8').trim(), 'hex'));
  const signer = ed25519(randomBytes(32));
  const certificate = {
    format: 'civickit-dev-certificate/1', serial: randomBytes(8).toString('hex'),
    subject: { common_name: 'Георги Иванов Петров', serial_number: `PNOBG-${APPLICANT}` },
    issuer: 'civickit development signing CA', public_key: signer.public,
    not_before: new Date((clock - 60) * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    not_after: new Date((clock + 86400) * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  certificate.signature = sign(null, Buffer.from(canonical(certificate)), ca.key).toString('hex');
  const signature = sign(null, Buffer.from(`civickit-declaration/1:${contentHash}`), signer.key).toString('hex');
  return { request, outcome: 'signed', signature, certificate: JSON.stringify(certificate) };
}

function callback(event, mac) {
  const body = JSON.stringify(event);
  return json('/api/v1/signatures/callback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Signing-Signature': mac ?? createHmac('sha256', callbackKey()).update(body).digest('hex') },
    body,
  });
}

before(async () => {
  const data = tempDir();
  clockFile = join(data, 'clock');
  setClock(clock);
  server = await startServer({ data, args: ['--signing', 'development', '--clock-file', clockFile] });
  keys = await profileKeys(server.url);
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

test('the applicant signs on the phone; the receipt and the operator name the certificate', async () => {
  const sealed = envelope();
  const made = await requestSignature(sealed.content_hash);
  assert.equal(made.status, 201);
  assert.equal(made.body.state, 'pending');
  assert.equal(made.body.confirm_url, `/dev/sign/${made.body.request}`);
  assert.equal(made.body.short_code, sealed.content_hash.slice(0, 8).toUpperCase().replace(/^(.{4})/, '$1-'));
  const page = await fetch(`${server.url}/dev/sign/${made.body.request}`);
  assert.match(await page.text(), new RegExp(made.body.short_code));

  assert.equal(await phone(made.body.request, 'signed'), 'signed');
  const state = await signing(made.body.request);
  assert.equal(state.body.state, 'signed');
  assert.equal(state.body.signed_with.issuer, 'civickit development signing CA');
  assert.match(state.body.signed_with.fingerprint, /^[0-9a-f]{64}$/);

  const unsigned = await submit(server.url, sealed);
  assert.equal(unsigned.status, 422);
  assert.equal(unsigned.body.errors[0].code, 'signature.required');

  const sent = await submitSigned(sealed, made.body.request);
  assert.equal(sent.status, 201);
  const { receipt } = sent.body;
  assert.deepEqual(receipt.signed_with, state.body.signed_with);
  assert.equal(receipt.signed_with.subject, 'Георги Иванов Петров');
  assert.deepEqual(civicApi('receipt.verify', { receipt, public_key: keys.receipt }), { valid: true });
  assert.equal((await signing(made.body.request)).body.state, 'used');
  const retry = await submitSigned(sealed, made.body.request);
  assert.deepEqual([retry.status, retry.body.receipt], [200, receipt], 'a retry gets the same receipt');

  addOperator(server.data, 'sig16', 'operator', '68134-16', 'sig16-pass-1');
  const token = (await login(server.url, 'sig16', 'sig16-pass-1')).body.token;
  const opened = await asOperator(server.url, token, `/api/v1/operator/submissions/${receipt.submission_id}`);
  assert.deepEqual(opened.body.signature, receipt.signed_with);
  assert.ok(!server.log.some((line) => line.includes(APPLICANT)), 'the personal number is never logged');
});

test('a request used twice signs one submission', async () => {
  const first = envelope();
  const request = await signed(first.content_hash);
  assert.equal((await submitSigned(first, request)).status, 201);
  const again = await submitSigned(envelope(), request);
  assert.equal(again.status, 409);
  assert.equal(again.body.errors[0].code, 'signature.used');
});

test('a signature over another declaration is refused', async () => {
  const request = await signed(envelope().content_hash);
  const other = await submitSigned(envelope(), request);
  assert.equal(other.status, 422);
  assert.equal(other.body.errors[0].code, 'signature.other_declaration');
  assert.equal((await signing(request)).body.state, 'signed', 'the request is still unused');
});

test('a signer who is not the applicant is refused', async () => {
  const sealed = envelope();
  const request = await signed(sealed.content_hash, SOMEONE_ELSE);
  const sent = await submitSigned(sealed, request);
  assert.equal(sent.status, 422);
  assert.equal(sent.body.errors[0].code, 'signature.not_applicant');
  assert.ok(!JSON.stringify(sent.body).includes(SOMEONE_ELSE));
  assert.equal((await signing(request)).body.state, 'signed');
});

test('a refused request cannot sign', async () => {
  const sealed = envelope();
  const made = await requestSignature(sealed.content_hash);
  assert.equal(await phone(made.body.request, 'refused'), 'refused');
  assert.equal(await phone(made.body.request, 'signed'), 'refused', 'a refusal is final');
  const sent = await submitSigned(sealed, made.body.request);
  assert.equal(sent.status, 409);
  assert.equal(sent.body.errors[0].code, 'signature.not_signed');
});

test('an expired request cannot be confirmed nor used', async () => {
  const sealed = envelope();
  const made = await requestSignature(sealed.content_hash);
  setClock(clock + 10 * 60);
  assert.equal((await signing(made.body.request)).body.state, 'expired');
  assert.equal(await phone(made.body.request, 'signed'), 'expired');
  const sent = await submitSigned(sealed, made.body.request);
  assert.equal(sent.status, 409);
  assert.equal(sent.body.errors[0].code, 'signature.not_signed');
});

test('a forged callback, or one carrying a signature of another hash, changes nothing', async () => {
  const sealed = envelope();
  const { request } = (await requestSignature(sealed.content_hash)).body;
  const refusal = { request, outcome: 'refused', signature: '', certificate: '' };
  const forged = await callback(refusal, createHmac('sha256', 'not the key').update(JSON.stringify(refusal)).digest('hex'));
  assert.equal(forged.status, 401);
  assert.equal(forged.body.errors[0].code, 'signature.bad_callback_signature');
  assert.equal((await callback(refusal, '')).status, 401);

  // A genuine certificate of the CA, but a signature of another declaration; then the right
  // one, counted once.
  const other = envelope();
  const wrong = await callback(signedEvent(request, other.content_hash));
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.errors[0].code, 'signature.invalid');
  assert.equal((await signing(request)).body.state, 'pending');
  assert.equal((await submitSigned(sealed, request)).body.errors[0].code, 'signature.not_signed');

  const genuine = signedEvent(request, sealed.content_hash);
  const counted = await callback(genuine);
  assert.deepEqual([counted.status, counted.body.counted, counted.body.state], [200, true, 'signed']);
  const replayed = await callback(genuine);
  assert.deepEqual([replayed.status, replayed.body.counted, replayed.body.state], [200, false, 'signed']);
  assert.equal((await submitSigned(sealed, request)).status, 201);
});

test('a declaration to be signed at the desk (the hall kiosk) is received unsigned', async () => {
  const sealed = envelope();
  const sent = await json('/api/v1/submissions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': sealed.idempotency_id, 'Signature-Request': 'at-desk' },
    body: JSON.stringify(sealed),
  });
  assert.equal(sent.status, 201);
  assert.equal(sent.body.receipt.signed_with, undefined, 'the receipt does not say it was signed');
  assert.deepEqual(civicApi('receipt.verify', { receipt: sent.body.receipt, public_key: keys.receipt }), { valid: true });
});

test('without a provider there is no online signing and no test phone', async () => {
  const plain = await startServer();
  try {
    const response = await fetch(`${plain.url}/api/v1/signatures`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ content_hash: 'a'.repeat(64) }),
    });
    assert.equal(response.status, 503);
    assert.equal((await response.json()).errors[0].code, 'signature.unavailable');
    assert.equal((await fetch(`${plain.url}/dev/sign/ANY`)).status, 404);
    const [sealed] = envelopes((await profileKeys(plain.url)).envelope, 1, { answers: 'owner.json', seed: '3f'.repeat(32) });
    assert.equal((await submit(plain.url, sealed)).status, 201, 'received unsigned, to be signed at the counter');
    const [atDesk] = envelopes((await profileKeys(plain.url)).envelope, 1, { answers: 'owner.json', seed: '3e'.repeat(32) });
    const kiosk = await fetch(`${plain.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': atDesk.idempotency_id, 'Signature-Request': 'at-desk' },
      body: JSON.stringify(atDesk),
    });
    assert.equal(kiosk.status, 201, 'the kiosk\'s declaration too');
  } finally {
    await plain.stop();
    removeDir(plain.data);
  }
});
