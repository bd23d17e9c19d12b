// Helpers of the "Sofia Chooses" server tests: an election set up through the API and the
// commission's CLI (civic vote eligible / ceremony / register), voters who ask for a code,
// read it from the development SMS gateway's file, open a session and cast ballots made by
// the core (`civic api vote.encrypt`). The vote's clock is a file the tests write.
import { spawnSync } from 'node:child_process';
import {
  closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { addOperator, civicApi, login, profileDir, profileKeys, startServer, tempDir } from './harness.mjs';

export const inside = { lat: 42.6977, lon: 23.3219 };   // Sofia, the cathedral square
export const outside = { lat: 42.1354, lon: 24.7453 };  // Plovdiv
export const sampleManifest = JSON.parse(
  readFileSync(join(profileDir, 'elections', 'sofia-2026-sample.json'), 'utf8'));
export const startTime = 1795600000;  // 2026-11-25, the harness's --today

// civic (the CLI) with ARGS; throws with its stderr when it fails unless `allowFailure`.
export function civic(args, { allowFailure = false } = {}) {
  const run = spawnSync(process.env.CIVIC_BIN, args, { maxBuffer: 1 << 28 });
  const result = { status: run.status, stdout: run.stdout.toString(), stderr: run.stderr.toString() };
  if (!allowFailure && run.status !== 0) throw new Error(`civic ${args.join(' ')}: ${result.stderr}${result.stdout}`);
  return result;
}

// One JSON (or text) exchange; `token` goes in Authorization: Bearer.
export async function call(url, path, { method = 'GET', token, body, type = 'application/json' } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = type;
  const response = await fetch(`${url}${path}`, {
    method, headers, body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  const parsed = contentType.includes('json') && bytes.length ? JSON.parse(bytes.toString()) : null;
  return { status: response.status, body: parsed, bytes, headers: response.headers };
}

// A server with a vote clock file, an admin and a pb operator signed in; `args` are more
// civic-server flags.
export async function voteServer({ args = [] } = {}) {
  const data = tempDir('civic-vote-');
  const clockFile = join(data, 'clock');
  writeFileSync(clockFile, String(startTime));
  const server = await startServer({ data, args: ['--clock-file', clockFile, ...args] });
  addOperator(data, 'ada', 'admin', '', 'admin-password-1');
  addOperator(data, 'pavel', 'pb', '', 'pb-password-12');
  const admin = (await login(server.url, 'ada', 'admin-password-1')).body.token;
  const pb = (await login(server.url, 'pavel', 'pb-password-12')).body.token;
  return {
    ...server, admin, pb, clockFile,
    setClock(seconds) { writeFileSync(clockFile, String(seconds)); },
    sms: join(data, 'sms-outbox.jsonl'),
    voterKey: join(data, 'keys', 'voter.key'),
  };
}

// Ten-digit personal numbers and phones of test voter i.
export const personalNumber = (i) => String(8000000000 + i);
export const phone = (i) => `+35988${String(1000000 + i).slice(-7)}`;

// Creates the election of `manifest`, loads the register of `people` ([{birth_date}], voter i
// has personalNumber(i)), runs the ceremony (k of n) and the registrar, and opens it.
// Returns the board folder and the trustees' secrets folder.
export async function openElection(server, { manifest = sampleManifest, people, threshold = 3, trustees = 5, budget = 400000 }) {
  const work = tempDir('civic-vote-work-');
  const created = await call(server.url, '/api/v1/admin/elections', {
    method: 'POST', token: server.admin, body: { manifest, budget_eur: budget, election_day: '2026-11-25' },
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const id = created.body.id;
  const lines = ['personal_number,birth_date,permanent_settlement,current_settlement'];
  people.forEach((person, i) => lines.push(`${personalNumber(i)},${person.birth_date},68134,`));
  writeFileSync(join(work, 'people.csv'), `${lines.join('\n')}\n`);
  civic(['vote', 'eligible', join(work, 'people.csv'), '--key', server.voterKey, '--out', join(work, 'eligible.csv')]);
  const eligible = await call(server.url, `/api/v1/admin/elections/${id}/eligible`, {
    method: 'POST', token: server.admin, body: readFileSync(join(work, 'eligible.csv'), 'utf8'), type: 'text/csv',
  });
  if (eligible.status !== 200) throw new Error(JSON.stringify(eligible.body));
  await state(server, id, 'ceremony');
  const board = join(work, 'board');
  writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest));
  civic(['vote', 'create', board, '--manifest', join(work, 'manifest.json')]);
  civic(['vote', 'ceremony', board, '--threshold', String(threshold), '--trustees', String(trustees), '--secrets', join(work, 'trustees')]);
  const ceremony = await call(server.url, `/api/v1/admin/elections/${id}/ceremony`, {
    method: 'POST', token: server.admin, body: JSON.parse(readFileSync(join(board, 'ceremony.json'), 'utf8')),
  });
  if (ceremony.status !== 200) throw new Error(JSON.stringify(ceremony.body));
  const keys = await profileKeys(server.url);
  civic(['vote', 'register', board, '--eligible', join(work, 'eligible.csv'), '--server-key', keys.envelope, '--out', join(work, 'upload.json')]);
  const credentials = await call(server.url, `/api/v1/admin/elections/${id}/credentials`, {
    method: 'POST', token: server.admin, body: readFileSync(join(work, 'upload.json'), 'utf8'),
  });
  if (credentials.status !== 200) throw new Error(JSON.stringify(credentials.body));
  await state(server, id, 'open');
  const election = (await call(server.url, `/api/v1/elections/${id}`)).body;
  return { id, work, board, trustees: join(work, 'trustees'), election };
}

export async function state(server, id, to) {
  const moved = await call(server.url, `/api/v1/admin/elections/${id}/state`, { method: 'POST', token: server.admin, body: { to } });
  if (moved.status !== 200) throw new Error(`${to}: ${JSON.stringify(moved.body)}`);
  return moved.body;
}

// The code the development gateway sent for `request`. The outbox is read on from where the
// last call stopped, complete lines only (other requests may be writing theirs).
export function smsCode(server, request) {
  server.outbox ??= { offset: 0, codes: new Map() };
  const { outbox } = server;
  if (!outbox.codes.has(request)) {
    const fd = openSync(server.sms, 'r');
    const size = fstatSync(fd).size;
    const bytes = Buffer.alloc(size - outbox.offset);
    readSync(fd, bytes, 0, bytes.length, outbox.offset);
    closeSync(fd);
    const complete = bytes.lastIndexOf(0x0a) + 1;
    outbox.offset += complete;
    for (const line of bytes.subarray(0, complete).toString().split('\n').filter(Boolean)) {
      const message = JSON.parse(line);
      outbox.codes.set(message.request, message.code);
    }
  }
  if (!outbox.codes.has(request)) throw new Error(`no SMS for request ${request}`);
  return outbox.codes.get(request);
}

export function askCode(server, id, i, { number = personalNumber(i), to = phone(i) } = {}) {
  return call(server.url, `/api/v1/elections/${id}/voters/code`, { method: 'POST', body: { personal_number: number, phone: to } });
}

export function openSession(server, id, request, code, location = inside) {
  const body = { request, code };
  if (location) body.location = location;
  return call(server.url, `/api/v1/elections/${id}/voters/session`, { method: 'POST', body });
}

// Voter i through code and location to an open session (throws when refused).
export async function signIn(server, id, i) {
  const asked = await askCode(server, id, i);
  if (asked.status !== 202) throw new Error(JSON.stringify(asked.body));
  const session = await openSession(server, id, asked.body.request, smsCode(server, asked.body.request));
  if (session.status !== 200) throw new Error(JSON.stringify(session.body));
  return session.body;
}

let seedCounter = 0;
// A new 64-hex seed each call (the ballot id and nonces derive from it: never reuse one).
export function freshSeed() {
  seedCounter += 1;
  return (seedCounter.toString(16).padStart(8, '0') + process.pid.toString(16).padStart(8, '0')).repeat(4);
}

// A ballot for `selections` made by the core, continuing the chain the session (or the last
// receipt) gives.
export function encrypt(election, session, selections, { sequence = session.sequence, voterPrevious = session.voter_previous, previous = session.previous, credentialSeed = session.credential_seed } = {}) {
  const made = civicApi('vote.encrypt', {
    manifest: election.manifest, joint_key: election.joint_key, selections, seed: freshSeed(),
    credential_seed: credentialSeed, device: session.device, time: '2026-11-25T09:00:00Z',
    previous, sequence, voter_previous: voterPrevious,
  });
  if (!made.ballot) throw new Error(JSON.stringify(made));
  return made.ballot;
}

// "Check this ballot": a ballot encrypted at the head of the session's chain, then spoiled
// (Benaloh), as the board entry vote.spoil returns.
export function spoil(election, session, selections) {
  const seed = freshSeed();
  const common = { manifest: election.manifest, joint_key: election.joint_key, seed, credential_seed: session.credential_seed };
  const made = civicApi('vote.encrypt', {
    ...common, selections, device: session.device, time: '2026-11-25T09:00:00Z',
    previous: session.previous, sequence: session.sequence, voter_previous: session.voter_previous,
  });
  const spoiled = civicApi('vote.spoil', { ...common, ballot: made.ballot });
  if (!spoiled.opening) throw new Error(JSON.stringify(spoiled));
  return spoiled;
}

export function castBallot(server, id, token, entry) {
  return call(server.url, `/api/v1/elections/${id}/ballots`, { method: 'POST', token, body: entry });
}

// The board as `civic vote verify` reads it, extracted from board.tar into a new folder.
export async function downloadBoard(server, id) {
  const tar = await call(server.url, `/api/v1/elections/${id}/board.tar`);
  if (tar.status !== 200) throw new Error(`board.tar: ${tar.status}`);
  const dir = tempDir('civic-vote-board-');
  writeFileSync(join(dir, 'board.tar'), tar.bytes);
  const untar = spawnSync('tar', ['-xf', join(dir, 'board.tar'), '-C', dir]);
  if (untar.status !== 0) throw new Error(untar.stderr.toString());
  mkdirSync(join(dir, 'board'), { recursive: true });
  return join(dir, 'board');
}
