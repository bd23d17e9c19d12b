// Forms, eligibility and ballots through the npm module's idiomatic API.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { civic, civickit } from './package.mjs';

const vectors = process.env.CIVIC_VECTORS_DIR ?? new URL('../../tests/vectors', import.meta.url).pathname;
const suite = (name) => JSON.parse(readFileSync(join(vectors, name), 'utf8'));
const firstCase = (name) => suite(name).cases[0].input;

test('a FormSession re-validates each change like a one-off validation', () => {
  const { form, answers, today } = firstCase('forms.json');
  const session = civic.openFormSession(form, { today });
  try {
    assert.equal(session.report.valid, false);  // nothing answered yet
    const report = session.setAnswers(answers);
    assert.deepEqual(report, civic.validateForm(form, answers, { today }));
    assert.equal(report.valid, true);
    const [pointer] = report.visible.filter((p) => p === '/egn');
    if (pointer) {
      const broken = session.setAnswer('/egn', '7501010019');
      assert.equal(broken.valid, false);
      assert.equal(broken.errors.find((e) => e.path === '/egn').code, 'egn.checksum');
      assert.equal(session.answers.egn, '7501010019');
    }
    assert.throws(() => session.setToday('2026-13-01'), { code: 'date.not_real' });
  } finally {
    session.close();
  }
  session.close();  // closing twice is harmless
  assert.throws(() => session.report, /FormSession was used after it was freed/);
  assert.throws(() => session.setAnswer('/egn', '7501020018'), /FormSession was used after it was freed/);
});

test('openFormSession refuses a bad request with a CivicError', () => {
  const { form } = firstCase('forms.json');
  assert.throws(() => civic.openFormSession(form, { today: 'yesterday' }), { code: 'date.format' });
  assert.throws(() => civic.openFormSession({ id: 'x' }, { today: '2026-11-25' }), (error) => {
    assert.ok(error instanceof civickit.CivicError);
    assert.match(error.path, /^\/form/);
    return true;
  });
});

test('checkEligibility explains a refusal', () => {
  const { policy, subject } = firstCase('eligibility.json');
  assert.equal(civic.checkEligibility(policy, subject, { today: '2026-11-25' }).eligible, true);
  const young = civic.checkEligibility(policy, { ...subject, egn: '1551290003' }, { today: '2026-11-25' });
  assert.equal(young.eligible, false);
  assert.ok(young.reasons.length >= 1);
});

test('encryptBallot matches the seeded vector and the ballot verifies', () => {
  const input = firstCase('vote.json');
  const out = civic.encryptBallot(input.manifest, input.joint_key, input.selections, {
    credentialSeed: input.credential_seed, device: input.device, time: input.time, seed: input.seed,
  });
  assert.deepEqual({ ballot: out.ballot, tracking_code: out.tracking_code }, suite('vote.json').cases[0].output);
  const verdict = civic.verifyBallot(input.manifest, input.joint_key, out.ballot);
  assert.equal(verdict.valid, true);
  assert.equal(verdict.tracking_code, out.tracking_code);
});

test('encryptBallot draws fresh randomness, and a spoiled ballot reveals its choices', () => {
  const input = firstCase('vote.json');
  const options = { credentialSeed: input.credential_seed, device: input.device, time: input.time };
  const one = civic.encryptBallot(input.manifest, input.joint_key, input.selections, options);
  const two = civic.encryptBallot(input.manifest, input.joint_key, input.selections, options);
  assert.notEqual(one.seed, two.seed);
  assert.notEqual(one.tracking_code, two.tracking_code);
  const spoiled = civic.spoilBallot(input.manifest, input.joint_key, one.ballot, one.seed, input.credential_seed);
  assert.equal(spoiled.status, 'spoiled');
  assert.equal(spoiled.ballot.choice, 'spoil');
  const check = civic.call('vote.verify_spoiled', {
    manifest: input.manifest, joint_key: input.joint_key, ballot: spoiled.ballot, opening: spoiled.opening,
  });
  assert.equal(check.valid, true);
});

test('verifyReceipt accepts the server\'s receipt and reports a changed one', () => {
  const { receipt, public_key: key } = firstCase('receipt-verify.json');
  assert.deepEqual(civic.verifyReceipt(receipt, key), { valid: true });
  const changed = civic.verifyReceipt({ ...receipt, received_at: '2020-01-01T00:00:00Z' }, key);
  assert.equal(changed.valid, false);
  assert.equal(changed.error.code, 'receipt.bad_signature');
});

test('verifyCertificate accepts a certificate signed by the key and reports a changed one', () => {
  const { certificate, public_key: key } = firstCase('certificate-verify.json');
  assert.deepEqual(civic.verifyCertificate(certificate, key), { valid: true });
  const changed = civic.verifyCertificate({ ...certificate, district: '68134-01' }, key);
  assert.equal(changed.valid, false);
  assert.equal(changed.error.code, 'certificate.bad_signature');
});
