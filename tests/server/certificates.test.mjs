// civic-server, the certificate of an approved submission: issued only after approval, only
// to the holder of the status code, signed with the receipt key, byte-identical on every
// download, checked offline by `civic certificate verify`, nothing personal in the log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addOperator, asOperator, envelopes, fixtures, login, profileKeys, removeDir, startServer, submit,
} from './harness.mjs';

let server;
let receipt;
let operatorToken;

const certificateUrl = (token = receipt.status_token) =>
  `${server.url}/api/v1/submissions/${receipt.submission_id}/certificate?token=${token}`;

function verifyWithCli(certificate, keyArgs) {
  const file = join(server.data, 'certificate.json');
  writeFileSync(file, typeof certificate === 'string' ? certificate : JSON.stringify(certificate));
  const run = spawnSync(process.env.CIVIC_BIN, ['certificate', 'verify', file, ...keyArgs]);
  return { status: run.status, output: JSON.parse(run.stdout.toString()) };
}

before(async () => {
  server = await startServer();
  addOperator(server.data, 'op16', 'operator', '68134-16', 'op16-pass-1');
  const keys = await profileKeys(server.url);
  const [owner] = envelopes(keys.envelope, 1, { answers: 'owner.json', seed: '21'.repeat(32) });
  receipt = (await submit(server.url, owner)).body.receipt;
  operatorToken = (await login(server.url, 'op16', 'op16-pass-1')).body.token;
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

test('no certificate before approval, and none without the status code', async () => {
  const early = await fetch(certificateUrl());
  assert.equal(early.status, 409);
  assert.equal((await early.json()).errors[0].code, 'certificate.not_issued');
  const wrong = await fetch(certificateUrl('A'.repeat(16)));
  assert.equal(wrong.status, 404);
  assert.equal((await wrong.json()).errors[0].code, 'submission.not_found');
});

test('after approval the citizen downloads a signed certificate that verifies offline', async () => {
  const decided = await asOperator(server.url, operatorToken,
      `/api/v1/operator/submissions/${receipt.submission_id}/decision`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'approved' }) });
  assert.equal(decided.status, 200);

  const first = await fetch(certificateUrl());
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('cache-control'), 'no-store');
  const text = await first.text();
  const again = await (await fetch(certificateUrl(receipt.status_token.toLowerCase()))).text();
  assert.equal(again, text, 'issued again byte for byte');

  const certificate = JSON.parse(text);
  assert.equal(certificate.format, 'civickit-certificate/1');
  assert.equal(certificate.submission_id, receipt.submission_id);
  assert.equal(certificate.envelope_hash, receipt.envelope_hash);
  assert.equal(certificate.district, '68134-16');
  assert.equal(certificate.issuer.en, 'Sofia Municipality');
  const answers = JSON.parse(readFileSync(join(fixtures, 'owner.json'), 'utf8'));
  const stated = Object.fromEntries(certificate.statements.map((s) => [s.field, s.value]));
  assert.deepEqual(Object.keys(stated), ['address_kind', 'role', 'name', 'egn', 'new_address', 'move_date']);
  for (const field of Object.keys(stated)) assert.deepEqual(stated[field], answers[field], field);
  assert.ok(!('phone' in stated) && !('email' in stated), 'only the fields the form states');

  const bundleFile = join(server.data, 'bundle.json');
  writeFileSync(bundleFile, await (await fetch(`${server.url}/api/v1/profile`)).text());
  assert.deepEqual(verifyWithCli(text, ['--bundle', bundleFile]), { status: 0, output: { valid: true } });
  const keys = await profileKeys(server.url);
  assert.equal(verifyWithCli(text, ['--public-key', keys.receipt]).status, 0);

  const forged = { ...certificate, statements: certificate.statements.map((s) => (s.field === 'name' ? { ...s, value: 'Друг Човек' } : s)) };
  const refused = verifyWithCli(forged, ['--bundle', bundleFile]);
  assert.equal(refused.status, 1);
  assert.equal(refused.output.error.code, 'certificate.bad_signature');

  assert.ok(!server.log.some((line) => line.includes(answers.name) || line.includes(answers.egn)),
    'the log holds no name and no personal number');
});
