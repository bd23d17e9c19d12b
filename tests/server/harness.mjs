// Shared helpers of the civic-server integration tests: a real server on an ephemeral
// loopback port with its own data folder, envelopes sealed by the core, and the CLI.
//   CIVIC_SERVER  path of civic-server       CIVIC_BIN  path of the civic CLI
//   CIVIC_ENVELOPES  path of civic_test_envelopes
//   CIVIC_TEST_BACKEND  sqlite (default) or postgresql: with postgresql every data folder
//     gets its own database in one real PostgreSQL per test process (postgres.mjs), and the
//     server and its CLI are pointed at it (--database, CIVIC_DATABASE). The suites do not
//     change: a data folder stands for "the server's storage" on either backend.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { listeningPort } from './ports.mjs';
import { startPostgres } from './postgres.mjs';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const profileDir = join(repo, 'shared', 'profiles', 'sofia');
export const fixtures = join(repo, 'tests', 'profile', 'sofia');
export const today = '2026-11-25';

export function tempDir(prefix = 'civic-server-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const backend = process.env.CIVIC_TEST_BACKEND ?? 'sqlite';

let cluster = null;
const databases = new Map();  // data folder → postgresql:// URL

// The PostgreSQL database standing for DATA (created on first use), or null on SQLite.
export function databaseFor(data) {
  if (backend !== 'postgresql') return null;
  cluster ??= startPostgres();
  if (!databases.has(data)) databases.set(data, cluster.createDatabase(`civic_${databases.size + 1}`));
  return databases.get(data);
}

// Starts civic-server; resolves once it listens. `data` defaults to a new temporary folder.
export async function startServer({ data = tempDir(), args = [] } = {}) {
  const database = databaseFor(data);
  const proc = spawn(process.env.CIVIC_SERVER,
      ['--port', '0', '--data', data, '--profile', profileDir, '--rate', '0', '--today', today,
        ...(database ? ['--database', database] : []), ...args],
      { stdio: ['ignore', 'ignore', 'pipe'] });
  const log = [];
  const port = await listeningPort(proc, { log });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    url, data, proc, log, exited,
    async stop() { proc.kill('SIGTERM'); return exited; },
    async kill() { proc.kill('SIGKILL'); return exited; },
  };
}

export function removeDir(dir) { rmSync(dir, { recursive: true, force: true }); }

// `count` envelopes of FORM with the fixture ANSWERS (file name in tests/profile/sofia).
export function envelopes(publicKey, count, { form = 'address_change', answers = 'owner.json', seed } = {}) {
  const args = [profileDir, form, join(fixtures, answers), today, publicKey, String(count)];
  if (seed) args.push(seed);
  const run = spawnSync(process.env.CIVIC_ENVELOPES, args, { maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`civic_test_envelopes: ${run.stderr}`);
  return run.stdout.toString().trim().split('\n').map((line) => JSON.parse(line));
}

// The civic CLI's JSON API (`civic api FUNCTION -`).
export function civicApi(fn, input) {
  const run = spawnSync(process.env.CIVIC_BIN, ['api', fn, '-'], { input: JSON.stringify(input) });
  return JSON.parse(run.stdout.toString());
}

// The envelope with its content_hash recomputed (after a test changed it on purpose).
export function rehash(envelope) {
  const copy = { ...envelope };
  copy.content_hash = civicApi('envelope.hash', { envelope: copy }).content_hash;
  return copy;
}

export async function profileKeys(url) {
  const profile = await (await fetch(`${url}/api/v1/profile`)).json();
  return profile.keys;
}

export async function submit(url, envelope, { key = envelope.idempotency_id, body, type = 'application/json' } = {}) {
  const headers = { 'Content-Type': type };
  if (key !== null) headers['Idempotency-Key'] = key;
  const response = await fetch(`${url}/api/v1/submissions`, {
    method: 'POST', headers, body: body ?? JSON.stringify(envelope),
  });
  return {
    status: response.status, type: response.headers.get('content-type'), headers: response.headers,
    body: await response.json(),
  };
}

// civic-server CLI subcommands against a data folder (its database on PostgreSQL).
export function serverCli(args, env = {}) {
  const data = args.indexOf('--data');
  const database = data >= 0 ? databaseFor(args[data + 1]) : null;
  const run = spawnSync(process.env.CIVIC_SERVER, args,
      { env: { ...process.env, ...(database ? { CIVIC_DATABASE: database } : {}), ...env } });
  return { status: run.status, stdout: run.stdout.toString(), stderr: run.stderr.toString() };
}

export function addOperator(data, username, role, districts, password) {
  const args = ['operator', 'add', '--data', data, '--username', username, '--role', role];
  if (districts) args.push('--districts', districts);
  const run = serverCli(args, { CIVIC_OPERATOR_PASSWORD: password });
  if (run.status !== 0) throw new Error(run.stderr);
}

export async function login(url, username, password) {
  const response = await fetch(`${url}/api/v1/operator/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: await response.json() };
}

export async function asOperator(url, token, path, init = {}) {
  const response = await fetch(`${url}${path}`, {
    ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

// One raw exchange over a new TCP connection: writes `chunks` (strings or Buffers) in order,
// half-closes when `end` is set, and resolves with everything the server sent once it
// closes the connection (or after `limitMs`, then with `timedOut`).
export function raw(url, chunks, { end = false, limitMs = 20000, localAddress } = {}) {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const received = [];
    const socket = netConnect({ host: '127.0.0.1', port: Number(port), localAddress });
    const timer = setTimeout(() => { socket.destroy(); resolve({ text: Buffer.concat(received).toString('latin1'), timedOut: true }); }, limitMs);
    socket.on('data', (data) => received.push(data));
    socket.on('error', (error) => { clearTimeout(timer); if (received.length) resolve({ text: Buffer.concat(received).toString('latin1'), error }); else reject(error); });
    socket.on('close', () => { clearTimeout(timer); resolve({ text: Buffer.concat(received).toString('latin1'), timedOut: false }); });
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (end) socket.end();
    });
  });
}

// The status codes of every response in a raw exchange's text, in order.
export function statuses(text) {
  // A status line follows the previous body directly, without a line break of its own.
  return [...text.matchAll(/HTTP\/1\.1 (\d{3}) [^\r\n]*\r\n/g)].map((match) => Number(match[1]));
}

// The JSON body of the last response in a raw exchange's text.
export function lastBody(text) {
  return JSON.parse(text.slice(text.lastIndexOf('\r\n\r\n') + 4));
}

// An open TCP connection that sends `head` and then nothing (a slowloris client).
export function idleConnection(url, head = '') {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: '127.0.0.1', port: Number(port) }, () => {
      if (head) socket.write(head);
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

// The server process's peak resident memory (VmHWM), in MiB.
export function peakMemoryMiB(proc) {
  const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+) kB/)[1]) / 1024;
}

// A JSON POST from a chosen local address (127.0.0.x), answering { status, body, headers }.
export function postFrom(url, path, body, localAddress) {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const request = httpRequest(`${url}${path}`, {
      method: 'POST', localAddress, agent: false,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
    }, (response) => {
      const parts = [];
      response.on('data', (part) => parts.push(part));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: JSON.parse(Buffer.concat(parts).toString() || 'null') }));
    });
    request.on('error', reject);
    request.end(text);
  });
}
