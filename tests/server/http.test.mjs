// civic-server's HTTP front end under hostile clients (issue 14): body limits on every
// framing, header limits, deadlines, bounded connections, strict framing, keep-alive and
// pipelining, /metrics labels, httplib's own refusals as problems. Raw sockets on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  addOperator, idleConnection, lastBody, login, raw, removeDir, serverCli, startServer, statuses,
} from './harness.mjs';

let server;

before(async () => {
  server = await startServer({ args: ['--head-timeout', '1500'] });
  addOperator(server.data, 'admin', 'admin', '', 'admin-pass-1');
});

after(async () => {
  await server.stop();
  removeDir(server.data);
});

const post = (path, headers, body = '') =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n${body}`;

test('a chunked body over the limit is refused with 413 while it streams', async () => {
  const { port } = new URL(server.url);
  const { connect } = await import('node:net');
  const chunk = 'u'.repeat(65536);
  const answer = await new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    let text = '';
    let sent = 0;
    socket.on('data', (data) => { text += data.toString('latin1'); });
    socket.on('error', () => resolve({ text, sent }));
    socket.on('close', () => resolve({ text, sent }));
    socket.on('connect', function pump() {
      socket.write(post('/api/v1/operator/login', ['Content-Type: application/json', 'Transfer-Encoding: chunked'], '10\r\n{"username":"uuu\r\n'));
      // At most 8 MiB, paced, far past the 1 MiB limit: the answer comes long before that.
      const more = () => {
        if (text || socket.destroyed) return;
        if (sent >= 128) { socket.end('0\r\n\r\n'); return; }
        sent += 1;
        socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`, () => setTimeout(more, 5));
      };
      more();
    });
    setTimeout(() => reject(new Error('no answer')), 30000).unref();
  });
  assert.deepEqual(statuses(answer.text), [413]);
  assert.equal(lastBody(answer.text).errors[0].code, 'http.too_large');
  assert.ok(answer.sent < 128, `the whole 8 MiB was read (${answer.sent} chunks)`);
});

test('a chunked body within the limit reaches the handler', async () => {
  const body = JSON.stringify({ username: 'admin', password: 'wrong' });
  const half = Math.floor(body.length / 2);
  const chunks = `${half.toString(16)}\r\n${body.slice(0, half)}\r\n${(body.length - half).toString(16)}\r\n${body.slice(half)}\r\n0\r\n\r\n`;
  const answer = await raw(server.url, [post('/api/v1/operator/login', ['Content-Type: application/json', 'Transfer-Encoding: chunked', 'Connection: close'], chunks)]);
  assert.deepEqual(statuses(answer.text), [401]);
});

test('too many or too large header fields are refused with 431', async () => {
  const many = Array.from({ length: 100 }, (_, i) => `X-H${i}: ${i}`);
  const manyAnswer = await raw(server.url, [post('/healthz', many)]);
  assert.deepEqual(statuses(manyAnswer.text), [431]);
  assert.equal(lastBody(manyAnswer.text).errors[0].code, 'http.header_too_large');
  const large = await raw(server.url, [`GET /healthz HTTP/1.1\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`]);
  assert.deepEqual(statuses(large.text), [431]);
  // An endless stream of headers is cut off, not read.
  const endless = await raw(server.url, ['GET /healthz HTTP/1.1\r\n', ...Array.from({ length: 2000 }, (_, i) => `X-${i}: ${'v'.repeat(40)}\r\n`)]);
  assert.deepEqual(statuses(endless.text), [431]);
});

test('a request head that does not arrive in time gets 408 and the connection closes', async () => {
  const answer = await raw(server.url, ['GET /healthz HTTP/1.1\r\nHost: x\r\n']);
  assert.equal(answer.timedOut, false);
  assert.deepEqual(statuses(answer.text), [408]);
  assert.equal(lastBody(answer.text).errors[0].code, 'http.timeout');
});

test('an oversized Content-Length is refused at once, before any body', async () => {
  const answer = await raw(server.url, [post('/api/v1/submissions', ['Content-Type: application/json', 'Content-Length: 1000000000'])], { limitMs: 8000 });
  assert.equal(answer.timedOut, false);
  assert.deepEqual(statuses(answer.text), [413]);
});

test('100 slow clients leave /healthz answering; past the connection limit a 503', async () => {
  // Heads never time out here: the slow clients stay however loaded the machine is.
  const guarded = await startServer({ args: ['--max-connections', '120', '--head-timeout', '600000'] });
  const slow = [];
  try {
    for (let i = 0; i < 100; i += 1) slow.push(await idleConnection(guarded.url, 'GET /healthz HTTP/1.1\r\nX-Slow: '));
    for (let i = 0; i < 10; i += 1) {
      const health = await fetch(`${guarded.url}/healthz`, { headers: { Connection: 'close' } });
      assert.equal(health.status, 200);
    }
    // Fill the house: the next connection is answered 503 + Retry-After.
    for (let i = 0; i < 20; i += 1) slow.push(await idleConnection(guarded.url, 'GET /healthz HTTP/1.1\r\nX-Slow: '));
    let refused = null;
    for (let i = 0; i < 50 && !refused; i += 1) {
      const answer = await raw(guarded.url, ['GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n']);
      if (statuses(answer.text)[0] === 503) refused = answer.text;
    }
    assert.ok(refused, 'no 503 past the connection limit');
    assert.match(refused, /\r\nRetry-After: 1\r\n/);
    assert.equal(lastBody(refused).errors[0].code, 'http.busy');
    for (const socket of slow) socket.destroy();
    // Once they are gone, the server answers again.
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i += 1) {
      status = statuses((await raw(guarded.url, ['GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n'])).text)[0];
    }
    assert.equal(status, 200);
  } finally {
    for (const socket of slow) socket.destroy();
    await guarded.stop();
    removeDir(guarded.data);
  }
});

test('ambiguous framing is refused and nothing after it is answered', async () => {
  const smuggled = 'GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n';
  const cases = [
    ['two different Content-Length', ['Content-Length: 2', 'Content-Length: 30'], 400],
    ['Content-Length not digits', ['Content-Length: abc'], 400],
    ['Content-Length and chunked', ['Content-Length: 4', 'Transfer-Encoding: chunked'], 400],
    ['an unknown transfer coding', ['Transfer-Encoding: xchunked'], 501],
    ['chunked twice', ['Transfer-Encoding: chunked, chunked'], 501],
    ['space before the colon', ['Content-Length : 2'], 400],
    ['obsolete line folding', ['X-A: 1', ' folded'], 400],
  ];
  for (const [name, headers, status] of cases) {
    const answer = await raw(server.url, [post('/api/v1/operator/logout', headers, `{}${smuggled}`)]);
    assert.deepEqual(statuses(answer.text), [status], name);
  }
  const version = await raw(server.url, ['GET /healthz HTTP/2.0\r\n\r\n']);
  assert.deepEqual(statuses(version.text), [505]);
});

test('keep-alive and pipelining: every request answered, in order; half-close still answered', async () => {
  const get = (path, close) => `GET ${path} HTTP/1.1\r\nHost: x\r\n${close ? 'Connection: close\r\n' : ''}\r\n`;
  const pipelined = await raw(server.url, [get('/healthz') + get('/nope') + get('/healthz', true)]);
  assert.deepEqual(statuses(pipelined.text), [200, 404, 200]);
  const body = '{"username":"nobody","password":"x"}';
  for (let i = 0; i < 20; i += 1) {
    const answer = await raw(server.url, [post('/api/v1/operator/login', ['Content-Type: application/json', `Content-Length: ${body.length}`], body)], { end: true });
    assert.deepEqual(statuses(answer.text), [401], `try ${i}`);
  }
});

test('a POST without Content-Length has an empty body: logout works with a plain POST', async () => {
  const { body } = await login(server.url, 'admin', 'admin-pass-1');
  const answer = await raw(server.url, [`POST /api/v1/operator/logout HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${body.token}\r\nConnection: close\r\n\r\n`]);
  assert.deepEqual(statuses(answer.text), [204]);
  const after = await fetch(`${server.url}/api/v1/operator/queue`, { headers: { Authorization: `Bearer ${body.token}` } });
  assert.equal(after.status, 401);
});

test('/metrics: methods from a fixed set, labels escaped, early refusals under route "other"', async () => {
  await raw(server.url, ['GE"T /healthz HTTP/1.1\r\nConnection: close\r\n\r\n']);
  for (const method of ['FOO', 'BAR', 'BAZ']) await raw(server.url, [`${method} /healthz HTTP/1.1\r\nConnection: close\r\n\r\n`]);
  await fetch(`${server.url}/healthz`);
  await raw(server.url, ['GET /healthz HTTP/1.1\r\nContent-Length: abc\r\n\r\n']);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  for (const line of metrics.split('\n').filter((l) => l.startsWith('civic_http_requests_total'))) {
    assert.match(line, /^civic_http_requests_total\{method="(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|other)",route="[^"]*",status="\d{3}"\} \d+$/, line);
  }
  assert.doesNotMatch(metrics, /FOO|BAR|BAZ|GE"T/);
  assert.match(metrics, /civic_http_requests_total\{method="other",route="other",status="400"\} ([2-9]|\d\d+)\n/);
  assert.doesNotMatch(metrics, /route="\/healthz",status="400"/);
});

test('400 and 414 are labelled as what they are', async () => {
  const long = await raw(server.url, [`GET /${'a'.repeat(9000)} HTTP/1.1\r\n\r\n`]);
  assert.deepEqual(statuses(long.text), [414]);
  assert.equal(lastBody(long.text).errors[0].code, 'http.uri_too_long');
  const bad = await raw(server.url, ['GET\r\n\r\n']);
  assert.deepEqual(statuses(bad.text), [400]);
  assert.equal(lastBody(bad.text).errors[0].code, 'http.bad_request');
  assert.match(bad.text, /Content-Type: application\/problem\+json/);
  assert.match(bad.text, /X-Content-Type-Options: nosniff/);
});

test('civic-server --help prints the usage', () => {
  const help = serverCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /civic-server operator add/);
  assert.match(help.stdout, /--max-connections/);
  assert.doesNotMatch(help.stdout + help.stderr, /main\.cpp/);
});
