// The whole cycle of "Sofia Chooses" through the server: 200 voters sign in with a code and a
// location and cast ballots made by the core (some re-vote, some spoil first), the admin
// closes, three of five trustees decrypt (two absent), the published counts equal the known
// choices, and `civic vote verify` passes on the downloaded board and fails on the same board
// with one ballot altered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { removeDir } from './harness.mjs';
import {
  call, castBallot, civic, downloadBoard, encrypt, openElection, signIn, spoil, state, voteServer,
} from './vote_harness.mjs';

const voters = 200;
const present = [1, 2, 4];  // trustees 3 and 5 are absent

let server;
let open;

before(async () => {
  server = await voteServer();
  open = await openElection(server, { people: Array.from({ length: voters }, () => ({ birth_date: '1975-03-03' })) });
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

// Voter i's choices (deterministic): up to three city projects and maybe one district one.
function choices(i, round = 0) {
  const city = ['c1', 'c2', 'c3', 'c4', 'c5'].filter((_, o) => ((i * 7 + round * 3 + o * 5) % 11) < 4).slice(0, 3);
  const district = (i + round) % 4 === 3 ? [] : [['s1', 's2', 's3'][(i + round) % 3]];
  return { city, studentski: district };
}

test('200 voters, 3 of 5 trustees: the counts are the choices and the board verifies', async () => {
  const counted = new Map();  // voter → the choices of their last cast ballot
  for (let i = 0; i < voters; i += 1) {
    const session = await signIn(server, open.id, i);
    let sequence = session.sequence;
    let previous = session.previous;
    if (i % 25 === 0) {  // "check this ballot": spoil one, then cast afresh
      const spoiled = spoil(open.election, session, choices(i, 5));
      const answer = await castBallot(server, open.id, session.session, spoiled);
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      assert.equal(answer.body.receipt.status, 'spoiled');
      sequence += 1;
      previous = spoiled.ballot.tracking_code;
    }
    let voterPrevious = sequence === session.sequence ? session.voter_previous : previous;
    const rounds = i % 10 === 0 ? 2 : 1;  // every tenth voter re-votes
    for (let round = 0; round < rounds; round += 1) {
      const ballot = encrypt(open.election, session, choices(i, round), { sequence, voterPrevious, previous });
      const answer = await castBallot(server, open.id, session.session, { status: 'cast', ballot });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      sequence += 1;
      previous = ballot.tracking_code;
      voterPrevious = ballot.tracking_code;
      counted.set(i, choices(i, round));
    }
  }
  const expected = { city: { c1: 0, c2: 0, c3: 0, c4: 0, c5: 0 }, studentski: { s1: 0, s2: 0, s3: 0 } };
  for (const chosen of counted.values()) {
    for (const [contest, options] of Object.entries(chosen)) for (const option of options) expected[contest][option] += 1;
  }

  await state(server, open.id, 'closed');
  const closedBoard = await downloadBoard(server, open.id);
  for (const trustee of present) {
    const file = join(open.work, `partial-${trustee}.json`);
    civic(['vote', 'decrypt', closedBoard, '--trustee', join(open.trustees, `trustee-${trustee}.json`), '--partial', file]);
    const uploaded = await call(server.url, `/api/v1/elections/${open.id}/trustees/${trustee}/decryption`, {
      method: 'POST', body: readFileSync(file, 'utf8'),
    });
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
  }
  const forged = JSON.parse(readFileSync(join(open.work, 'partial-1.json'), 'utf8'));
  forged.trustee = 3;
  const refused = await call(server.url, `/api/v1/elections/${open.id}/trustees/3/decryption`, { method: 'POST', body: forged });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.errors[0].code, 'vote.decryption.invalid');
  await state(server, open.id, 'tallied');
  await state(server, open.id, 'published');

  const results = (await call(server.url, `/api/v1/elections/${open.id}/results`)).body;
  assert.equal(results.turnout.voters_eligible, voters);
  assert.equal(results.turnout.ballots_cast, voters);
  for (const count of results.counts) assert.equal(count.votes, expected[count.contest_id][count.option_id], count.option_id);
  const spent = results.counts.filter((c) => results.funded.includes(c.option_id)).reduce((sum, c) => sum + c.cost_eur, 0);
  assert.equal(results.spent_eur, spent);
  assert.ok(spent <= results.budget_eur);
  const csv = await call(server.url, `/api/v1/elections/${open.id}/open-data/results.csv`);
  assert.equal(csv.bytes.toString().trim().split('\n').length, 1 + results.counts.length);
  const metadata = (await call(server.url, `/api/v1/elections/${open.id}/open-data/metadata.json`)).body;
  assert.equal(metadata.licence.id, 'CC-BY-4.0');
  const boardCsv = (await call(server.url, `/api/v1/elections/${open.id}/open-data/board.csv`)).bytes.toString();
  assert.ok(!boardCsv.includes(open.election.manifest.contests[0].id) && boardCsv.startsWith('position,tracking_code,status,received_at\n'));

  const board = await downloadBoard(server, open.id);
  const verified = civic(['vote', 'verify', board, '--jobs', '2'], { allowFailure: true });
  assert.equal(verified.status, 0, verified.stdout);
  assert.match(verified.stdout, /board verified/);

  const lines = readFileSync(join(board, 'ballots.jsonl'), 'utf8').split('\n');
  const entry = JSON.parse(lines[17]);
  const option = entry.ballot.contests[0].options[0];
  [option.alpha, option.beta] = [option.beta, option.alpha];
  lines[17] = JSON.stringify(entry);
  writeFileSync(join(board, 'ballots.jsonl'), lines.join('\n'));
  const altered = civic(['vote', 'verify', board, '--jobs', '2'], { allowFailure: true });
  assert.equal(altered.status, 1, altered.stdout);
  assert.match(altered.stdout, /BOARD DOES NOT VERIFY/);
});
