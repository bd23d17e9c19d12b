// "Sofia Chooses" on the server: proposals, the election's lifecycle, and every refusal of the
// voter's way in (code, location, credential, ballot), each with its reason in bg and en.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { envelopes, profileKeys, removeDir, submit } from './harness.mjs';
import {
  askCode, call, castBallot, encrypt, inside, openElection, openSession, outside, personalNumber,
  phone, sampleManifest, signIn, smsCode, startTime, state, voteServer,
} from './vote_harness.mjs';

let server;
let open;  // an open election: voters 0..19 eligible, 20 too young on the election day

before(async () => {
  server = await voteServer();
  const people = Array.from({ length: 20 }, () => ({ birth_date: '1980-05-01' }));
  people.push({ birth_date: '2012-01-01' });
  open = await openElection(server, { people });
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

function assertRefusal(answer, status, code) {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.equal(answer.body.errors[0].code, code, JSON.stringify(answer.body));
  assert.ok(answer.body.errors[0].message.bg.length > 0, 'a reason in Bulgarian');
  assert.ok(answer.body.errors[0].message.en.length > 0, 'a reason in English');
}

test('a pb operator admits and rejects proposals; the public list shows public fields in admission order', async () => {
  const keys = await profileKeys(server.url);
  const sent = envelopes(keys.envelope, 3, { form: 'pb_proposal', answers: 'proposer.json' });
  const references = [];
  for (const envelope of sent) {
    const stored = await submit(server.url, envelope);
    assert.equal(stored.status, 201, JSON.stringify(stored.body));
    references.push(stored.body.receipt.submission_id);
  }
  const decide = (reference, verdict, body, token = server.pb) => call(server.url,
    `/api/v1/operator/proposals/${reference}/${verdict}`, { method: 'POST', token, body });
  assertRefusal(await decide(references[0], 'reject', {}), 422, 'operator.bad_reason');
  assert.equal((await decide(references[1], 'admit', {})).status, 200);
  assert.equal((await decide(references[0], 'admit', { reason: { en: 'Fits the rules' } })).status, 200);
  assert.equal((await decide(references[2], 'reject', { reason: { bg: 'Извън правомощията' } })).status, 200);
  assertRefusal(await decide(references[2], 'admit', {}), 409, 'vote.proposal.decided');
  const listed = (await call(server.url, '/api/v1/proposals')).body.proposals;
  assert.deepEqual(listed.map((p) => p.id), [references[1], references[0]]);
  assert.equal(listed[0].title, 'Детска площадка до бл. 38 в Студентски град');
  assert.equal(listed[0].cost_eur, 45000);
  assert.equal(listed[0].district, '68134-16');
  const text = JSON.stringify(listed);
  for (const secret of ['0946146421', 'Калина', 'kalina.petrova']) assert.ok(!text.includes(secret), secret);
  const created = await call(server.url, '/api/v1/admin/elections', {
    method: 'POST', token: server.admin, body: {
      from_proposals: { id: 'pb-from-proposals', title: { bg: 'Проба', en: 'Trial' }, contest: { id: 'city', title: { bg: 'Град', en: 'City' }, min: 0, max: 1 } },
      budget_eur: 100000, election_day: '2026-11-25',
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.deepEqual(created.body.manifest.contests[0].options.map((o) => o.id), [references[1], references[0]]);
  assert.equal(created.body.state, 'draft');
});

test('only admins run elections, one step at a time', async () => {
  const body = { manifest: { ...sampleManifest, id: 'order-test' }, budget_eur: 1000, election_day: '2026-11-25' };
  const byPb = await call(server.url, '/api/v1/admin/elections', { method: 'POST', token: server.pb, body });
  assertRefusal(byPb, 403, 'operator.forbidden');
  assert.equal((await call(server.url, '/api/v1/admin/elections', { method: 'POST', token: server.admin, body })).status, 201);
  const move = (to) => call(server.url, '/api/v1/admin/elections/order-test/state', { method: 'POST', token: server.admin, body: { to } });
  assertRefusal(await move('open'), 409, 'vote.election.transition');
  assertRefusal(await move('published'), 409, 'vote.election.transition');
  assert.equal((await move('ceremony')).status, 200);
  assertRefusal(await move('draft'), 409, 'vote.election.transition');
  assertRefusal(await move('open'), 409, 'vote.election.not_ready');
  const audit = await call(server.url, '/api/v1/operator/audit?limit=1000', { token: server.admin });
  assert.ok(audit.body.entries.some((e) => e.action === 'election_state' && e.subject === 'order-test' && e.details.to === 'ceremony'));
});

test('a voter not on the register, or too young on the election day, gets no code', async () => {
  assertRefusal(await askCode(server, open.id, 999), 422, 'vote.voter.not_eligible');
  const young = await askCode(server, open.id, 20);
  assert.equal(young.status, 422);
  assert.equal(young.body.errors[0].code, 'eligibility.not_met');
  assert.equal(young.body.errors[0].message.en, 'You must be 16 or over');
  assertRefusal(await askCode(server, open.id, 0, { number: '12345' }), 400, 'vote.voter.bad_request');
});

test('codes are rate-limited per personal number and per phone', async () => {
  for (let n = 0; n < 3; n += 1) assert.equal((await askCode(server, open.id, 1)).status, 202);
  const limited = await askCode(server, open.id, 1);
  assertRefusal(limited, 429, 'vote.voter.rate_limited');
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  // Another number, the same phone.
  for (let n = 0; n < 3; n += 1) assert.equal((await askCode(server, open.id, 2, { to: phone(3) })).status, 202);
  assertRefusal(await askCode(server, open.id, 4, { to: phone(3) }), 429, 'vote.voter.rate_limited');
});

test('a code expires after five minutes', async () => {
  server.setClock(startTime + 10000);
  const asked = await askCode(server, open.id, 5);
  server.setClock(startTime + 10000 + 299);
  const wrong = await openSession(server, open.id, asked.body.request, '000000');
  assert.equal(wrong.status, 403);
  server.setClock(startTime + 10000 + 300);
  assertRefusal(await openSession(server, open.id, asked.body.request, smsCode(server, asked.body.request)), 410, 'vote.code.expired');
});

test('a code works once', async () => {
  server.setClock(startTime + 20000);
  const asked = await askCode(server, open.id, 6);
  const code = smsCode(server, asked.body.request);
  assert.equal((await openSession(server, open.id, asked.body.request, code)).status, 200);
  assertRefusal(await openSession(server, open.id, asked.body.request, code), 410, 'vote.code.used');
});

test('wrong codes are capped at five tries', async () => {
  server.setClock(startTime + 30000);
  const asked = await askCode(server, open.id, 7);
  const code = smsCode(server, asked.body.request);
  const wrongCode = code === '999999' ? '999998' : '999999';
  for (let left = 4; left >= 1; left -= 1) {
    const wrong = await openSession(server, open.id, asked.body.request, wrongCode);
    assertRefusal(wrong, 403, 'vote.code.wrong');
    assert.equal(wrong.body.errors[0].params.attempts_left, left);
  }
  assertRefusal(await openSession(server, open.id, asked.body.request, wrongCode), 403, 'vote.code.attempts');
  assertRefusal(await openSession(server, open.id, asked.body.request, code), 403, 'vote.code.attempts');
});

test('the location must be given and inside the municipality', async () => {
  server.setClock(startTime + 40000);
  const asked = await askCode(server, open.id, 8);
  const code = smsCode(server, asked.body.request);
  assertRefusal(await openSession(server, open.id, asked.body.request, code, null), 422, 'vote.location.missing');
  assertRefusal(await openSession(server, open.id, asked.body.request, code, outside), 422, 'vote.location.outside');
  assert.equal((await openSession(server, open.id, asked.body.request, code, inside)).status, 200);
});

test('a ballot needs a session, the voter\'s own credential and the head of the chain', async () => {
  server.setClock(startTime + 50000);
  const session = await signIn(server, open.id, 9);
  const ballot = encrypt(open.election, session, { city: ['c1'] });
  assertRefusal(await castBallot(server, open.id, undefined, { status: 'cast', ballot }), 401, 'vote.session.unknown');
  const stranger = encrypt(open.election, session, { city: ['c2'] }, { credentialSeed: '11'.repeat(32) });
  assertRefusal(await castBallot(server, open.id, session.session, { status: 'cast', ballot: stranger }), 422, 'vote.credential.not_yours');
  const other = await signIn(server, open.id, 10);
  const othersBallot = encrypt(open.election, other, { city: ['c3'] });
  assertRefusal(await castBallot(server, open.id, session.session, { status: 'cast', ballot: othersBallot }), 422, 'vote.credential.not_yours');
  const tampered = structuredClone(ballot);
  tampered.contests[0].options[0].alpha = tampered.contests[0].options[1].alpha;
  assert.equal((await castBallot(server, open.id, session.session, { status: 'cast', ballot: tampered })).status, 422);
  const cast = await castBallot(server, open.id, session.session, { status: 'cast', ballot });
  assert.equal(cast.status, 201, JSON.stringify(cast.body));
  assert.equal(cast.body.receipt.tracking_code, ballot.tracking_code);
  assert.match(cast.body.signature, /^[0-9a-f]{128}$/);
  assertRefusal(await castBallot(server, open.id, session.session, { status: 'cast', ballot }), 409, 'vote.ballot.stale');
  const found = await call(server.url, `/api/v1/elections/${open.id}/board/${ballot.tracking_code}`);
  assert.equal(found.body.status, 'cast');
  const revote = encrypt(open.election, session, { city: ['c4'] }, { sequence: 1, voterPrevious: ballot.tracking_code, previous: ballot.tracking_code });
  assert.equal((await castBallot(server, open.id, session.session, { status: 'cast', ballot: revote })).status, 201);
  assert.equal((await call(server.url, `/api/v1/elections/${open.id}/board/${ballot.tracking_code}`)).body.status, 'superseded');
  assert.equal((await call(server.url, `/api/v1/elections/${open.id}/board/${'0'.repeat(64)}`)).status, 404);
});

test('once closed, no code and no ballot', async () => {
  server.setClock(startTime + 60000);
  const session = await signIn(server, open.id, 11);
  const ballot = encrypt(open.election, session, { city: ['c2'] });
  await state(server, open.id, 'closed');
  assertRefusal(await castBallot(server, open.id, session.session, { status: 'cast', ballot }), 409, 'vote.election.closed');
  assertRefusal(await askCode(server, open.id, 12), 409, 'vote.election.not_open');
  const tally = await call(server.url, `/api/v1/elections/${open.id}/tally`);
  assert.equal(tally.status, 200);
  assert.equal(tally.body.ballots, 1);  // voter 9's re-vote; the superseded ballot is not counted
  assertRefusal(await call(server.url, `/api/v1/elections/${open.id}/results`), 409, 'vote.election.state');
});
