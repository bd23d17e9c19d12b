// The civic-server the e2e tests run against: the ONE place that knows how to start it and
// how to ask it how many submissions it stores (its operator API, as an admin created for the
// run). A fresh data directory per run. With `sms: true` its development SMS gateway writes
// every one-time code to a file in that directory (`--sms-outbox`), where codeFor() reads it.
//   CIVIC_SERVER       the binary (default build/native/server/civic-server)
//   CIVIC_E2E_SERVER   a whole command instead, with {port} {web} {data} placeholders (the
//                      admin account is then the server's business)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { freePort, listeningPort } from '../server/ports.mjs';

const root = resolve(import.meta.dirname, '../..');

const ADMIN = 'e2e-admin';
const binary = process.env.CIVIC_SERVER ?? join(root, 'build/native/server/civic-server');

function command({ port, web, data, password, smsOutbox }) {
  const template = process.env.CIVIC_E2E_SERVER;
  if (template) {
    return template.replaceAll('{port}', String(port)).replaceAll('{web}', web).replaceAll('{data}', data).split(/\s+/);
  }
  execFileSync(binary, ['operator', 'add', '--data', data, '--username', ADMIN, '--role', 'admin'],
    { env: { ...process.env, CIVIC_OPERATOR_PASSWORD: password }, stdio: 'ignore' });
  return [binary, '--port', String(port), '--web', web, '--data', data,
    '--profile', join(root, 'shared/profiles/sofia'), '--payments', 'development', '--signing', 'development',
    ...(smsOutbox ? ['--sms-outbox', smsOutbox] : [])];
}

// Another server's command (CIVIC_E2E_SERVER) is given a port probed free just before; if the
// server exits before it answers (that port taken meanwhile), it is tried on another port.
async function answering(child, base, description) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${description}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function launch({ web, data, password, smsOutbox }) {
  const foreign = Boolean(process.env.CIVIC_E2E_SERVER);
  for (let attempt = 1; ; attempt++) {
    const requested = foreign ? await freePort() : 0;
    const [program, ...args] = command({ port: requested, web, data, password, smsOutbox });
    const description = `${program} ${args.join(' ')}`;
    const child = spawn(program, args, { stdio: ['ignore', 'inherit', foreign ? 'inherit' : 'pipe'] });
    if (!foreign) {
      // Our civic-server binds a port the kernel picks and names it in its log, which still
      // reaches the test's output: no other process can hold that port first.
      const port = await listeningPort(child, { echo: (chunk) => process.stderr.write(chunk), name: description });
      return { child, base: `http://127.0.0.1:${port}` };
    }
    const base = `http://127.0.0.1:${requested}`;
    try {
      await answering(child, base, description);
      return { child, base };
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

export async function startServer({ web, sms = false }) {
  const data = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
  const password = randomBytes(12).toString('hex');
  const smsOutbox = sms ? join(data, 'sms.jsonl') : null;
  const { child, base } = await launch({ web, data, password, smsOutbox });
  const operatorToken = async () => {
    const login = await fetch(`${base}/api/v1/operator/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: ADMIN, password }),
    });
    if (!login.ok) throw new Error(`operator login: HTTP ${login.status}`);
    return (await login.json()).token;
  };
  const admin = async (method, path, body, contentType = 'application/json') => {
    const response = await fetch(`${base}${path}`, {
      method, headers: { 'Content-Type': contentType, Authorization: `Bearer ${await operatorToken()}` },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    base,
    data,
    /** A call of the admin API as the run's admin; throws on anything but 2xx. */
    admin,
    /** The run's admin account, for a test that signs in through a user interface. */
    operator: { username: ADMIN, password },
    /**
     * The one-time code the development SMS gateway sent for a code request (one JSON line
     * {phone, code, election, request} per message); waits until it is written.
     */
    async codeFor(request) {
      for (let i = 0; i < 600; i++) {
        const lines = existsSync(smsOutbox) ? readFileSync(smsOutbox, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
        const message = lines.find((m) => m.request === request);
        if (message) return message.code;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no SMS for code request ${request} in ${smsOutbox}`);
    },
    /** A GET of the operator API as the run's admin, its body as bytes: { status, type, bytes }. */
    async download(path) {
      const response = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${await operatorToken()}` } });
      return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
    },
    /** How many submissions the server has stored: its operator queue, every page of it. */
    async count() {
      const token = await operatorToken();
      let total = 0;
      for (let after = null; ;) {
        const query = new URLSearchParams({ limit: '500', ...(after ? { after } : {}) });
        const page = await (await fetch(`${base}/api/v1/operator/queue?${query}`, { headers: { Authorization: `Bearer ${token}` } })).json();
        total += page.items.length;
        if (!page.next) return total;
        after = page.next;
      }
    },
    /** An operator's decision on a submission: {status, reason?: {bg, en}}. */
    async decide(submissionId, decision) {
      const token = await operatorToken();
      const response = await fetch(`${base}/api/v1/operator/submissions/${encodeURIComponent(submissionId)}/decision`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(decision),
      });
      if (!response.ok) throw new Error(`decision: HTTP ${response.status} ${await response.text()}`);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(data, { recursive: true, force: true });
    },
  };
}
