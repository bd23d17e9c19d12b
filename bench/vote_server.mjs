// civic-server's side of "Sofia Chooses" under load (nothing asserted, figures printed):
//   1. ballots accepted per second: BALLOTS voters (default 10000) signed in through code and
//      location, their ballots made beforehand by the core (civic_api_lines, vote.encrypt),
//      then POSTed by CLIENTS parallel clients (default 16); each is verified by the server
//      (proofs, signature, chain) and stored durably before its 201;
//   2. the time to download that board (board.tar) and check it with `civic vote verify`
//      (after close, 3-of-5 decryption and publication, as a citizen would).
//   node bench/vote_server.mjs [BUILD_DIR]      (default build/native)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';

const build = resolve(process.argv[2] ?? 'build/native');
process.env.CIVIC_SERVER = join(build, 'server', 'civic-server');
process.env.CIVIC_BIN = join(build, 'cli', 'civic');
const count = Number(process.env.BALLOTS ?? 10000);
const clients = Number(process.env.CLIENTS ?? 16);

const { removeDir } = await import('../tests/server/harness.mjs');
const {
  call, civic, downloadBoard, freshSeed, openElection, signIn, state, voteServer,
} = await import('../tests/server/vote_harness.mjs');

// POST on kept-alive connections; a request that met a connection the server had just closed
// (idle or at its request limit) is sent again, as Node's documentation advises.
const agent = new Agent({ keepAlive: true, maxSockets: clients });
function post(url, token, body) {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, {
      method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), Authorization: `Bearer ${token}` },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    sent.on('error', (error) => (sent.reusedSocket && error.code === 'ECONNRESET'
      ? post(url, token, body).then(resolve, reject) : reject(error)));
    sent.end(text);
  });
}

const seconds = (start) => (Number(process.hrtime.bigint() - start) / 1e9).toFixed(2);

// `work(i)` for i in 0..n-1, `parallel` at a time.
async function pool(n, parallel, work) {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < n) await work(next++);
  }));
}

// The register and the sealed credentials of 10,000 voters are a few MB (about 360 bytes a
// voter in all): the default --max-body (1 MiB) is raised as an installation would.
const server = await voteServer({ args: ['--max-body', String(64 << 20)] });
try {
  let start = process.hrtime.bigint();
  const open = await openElection(server, { people: Array.from({ length: count }, () => ({ birth_date: '1980-01-01' })) });
  const sessions = new Array(count);
  await pool(count, 8, async (i) => { sessions[i] = await signIn(server, open.id, i); });
  console.log(`setup: election, register, ceremony, credentials, ${count} sign-ins: ${seconds(start)} s`);

  start = process.hrtime.bigint();
  const calls = sessions.map((session, i) => JSON.stringify(['vote.encrypt', JSON.stringify({
    manifest: open.election.manifest, joint_key: open.election.joint_key,
    selections: { city: [`c${(i % 5) + 1}`], studentski: [`s${(i % 3) + 1}`] }, seed: freshSeed(),
    credential_seed: session.credential_seed, device: session.device, time: '2026-11-25T09:00:00Z',
    previous: session.previous, sequence: session.sequence, voter_previous: session.voter_previous,
  })]));
  const made = spawnSync(join(build, 'fuzz', 'civic_api_lines'), { input: `${calls.join('\n')}\n`, maxBuffer: 1 << 30 });
  if (made.status !== 0) throw new Error(made.stderr.toString());
  const ballots = made.stdout.toString().trim().split('\n').map((line) => JSON.parse(line).ballot);
  console.log(`encrypting ${count} ballots in one process (the core, not timed below): ${seconds(start)} s`);

  start = process.hrtime.bigint();
  let refused = 0;
  await pool(count, clients, async (i) => {
    const status = await post(`${server.url}/api/v1/elections/${open.id}/ballots`, sessions[i].session, { status: 'cast', ballot: ballots[i] });
    if (status !== 201) refused += 1;
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`RESULT ballots accepted: ${(count / elapsed).toFixed(0)} per second (${count} ballots, ${clients} clients, ${elapsed.toFixed(2)} s, ${refused} refused; verification and a durable write each)`);

  await state(server, open.id, 'closed');
  const closed = await downloadBoard(server, open.id);
  for (const trustee of [1, 2, 4]) {
    const file = join(open.work, `partial-${trustee}.json`);
    civic(['vote', 'decrypt', closed, '--trustee', join(open.trustees, `trustee-${trustee}.json`), '--partial', file]);
    await call(server.url, `/api/v1/elections/${open.id}/trustees/${trustee}/decryption`, { method: 'POST', body: readFileSync(file, 'utf8') });
  }
  await state(server, open.id, 'tallied');
  await state(server, open.id, 'published');

  start = process.hrtime.bigint();
  const board = await downloadBoard(server, open.id);
  const downloaded = seconds(start);
  const verifyStart = process.hrtime.bigint();
  const verified = civic(['vote', 'verify', board, '--jobs', '2'], { allowFailure: true });
  console.log(`RESULT download + verify of the ${count}-ballot board: ${seconds(start)} s (download and untar ${downloaded} s, civic vote verify --jobs 2 ${seconds(verifyStart)} s: ${verified.status === 0 ? 'verified' : 'FAILED'})`);
  removeDir(open.work);
} finally {
  agent.destroy();
  await server.stop();
  removeDir(server.data);
}
