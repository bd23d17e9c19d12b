// "Sofia Chooses" under parallel requests: the database decides every race, so ballots of
// many voters all land once, one voter's two ballots for the same place in their chain
// cannot both land, and parallel code requests and guesses cannot exceed their limits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { removeDir } from './harness.mjs';
import {
  askCode, call, castBallot, encrypt, openElection, openSession, signIn, smsCode, voteServer,
} from './vote_harness.mjs';

const voters = 30;
let server;
let open;

before(async () => {
  server = await voteServer();
  open = await openElection(server, { people: Array.from({ length: voters + 10 }, () => ({ birth_date: '1990-01-01' })) });
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

test('ballots of many voters at once all land, each at its own position', async () => {
  const sessions = [];
  for (let i = 0; i < voters; i += 1) sessions.push(await signIn(server, open.id, i));
  const ballots = sessions.map((session, i) => encrypt(open.election, session, { city: [`c${(i % 5) + 1}`] }));
  const answers = await Promise.all(ballots.map((ballot, i) =>
    castBallot(server, open.id, sessions[i].session, { status: 'cast', ballot })));
  for (const answer of answers) assert.equal(answer.status, 201, JSON.stringify(answer.body));
  const positions = answers.map((answer) => answer.body.receipt.position).sort((a, b) => a - b);
  assert.deepEqual(positions, Array.from({ length: voters }, (_, i) => i + 1));
  const board = await call(server.url, `/api/v1/elections/${open.id}/board?limit=1000`);
  assert.equal(board.body.entries.length, voters);
});

test('two ballots for the same place in one voter\'s chain: exactly one lands', async () => {
  const session = await signIn(server, open.id, voters);
  const first = encrypt(open.election, session, { city: ['c1'] });
  const second = encrypt(open.election, session, { city: ['c2'] });
  const answers = await Promise.all([first, second].map((ballot) =>
    castBallot(server, open.id, session.session, { status: 'cast', ballot })));
  assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
  assert.equal(answers.find((a) => a.status === 409).body.errors[0].code, 'vote.ballot.stale');
});

test('parallel code requests stop at the limit', async () => {
  const answers = await Promise.all(Array.from({ length: 8 }, () => askCode(server, open.id, voters + 1)));
  assert.deepEqual(answers.map((a) => a.status).sort(), [202, 202, 202, 429, 429, 429, 429, 429]);
});

test('parallel wrong guesses never get more than the capped tries', async () => {
  const asked = await askCode(server, open.id, voters + 2);
  const code = smsCode(server, asked.body.request);
  const wrong = code === '999999' ? '999998' : '999999';
  const answers = await Promise.all(Array.from({ length: 12 }, () => openSession(server, open.id, asked.body.request, wrong)));
  const codes = answers.map((a) => a.body.errors[0].code);
  assert.ok(codes.every((c) => ['vote.code.wrong', 'vote.code.attempts', 'vote.code.conflict'].includes(c)), codes.join());
  assert.ok(codes.filter((c) => c === 'vote.code.wrong').length <= 4, codes.join());
  // Whatever raced, five wrong tries in all spend the code.
  for (let tries = 0; tries < 5; tries += 1) await openSession(server, open.id, asked.body.request, wrong);
  assert.equal((await openSession(server, open.id, asked.body.request, code)).body.errors[0].code, 'vote.code.attempts');
});
