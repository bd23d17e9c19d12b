// civic-server, documents (docs/files.md): files sealed on the device by the core
// (`civic api file.seal`), uploaded chunk by chunk and resumed, checked again when the
// submission names them, attached to it, and served only to the operators of its district.
// Runs on a copy of the Sofia profile with one extra form, documents_test, so it does not
// depend on which file fields the Sofia forms have.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  addOperator, asOperator, login, profileDir, profileKeys, raw, removeDir, startServer, submit,
  tempDir, today,
} from './harness.mjs';

const KiB = 1024;
const chunkBytes = 256 * KiB;

const documentsForm = {
  id: 'documents_test', version: 1,
  title: { bg: 'Документи (тест)', en: 'Documents (test)' },
  steps: [{ id: 'documents_step', title: { bg: 'Документи', en: 'Documents' }, fields: [
    { id: 'where', type: 'choice', label: { bg: 'Район', en: 'District' }, required: true,
      options: [{ value: '68134-16', label: { bg: 'Студентски', en: 'Studentski' } },
        { value: '68134-01', label: { bg: 'Средец', en: 'Sredets' } }] },
    { id: 'consent_file', type: 'file', label: { bg: 'Декларация-съгласие', en: 'Consent declaration' },
      personal: true, required: true, accept: ['application/pdf', 'image/png'], max_size: 2 * 1024 * KiB, max_items: 3 },
  ] }],
  computed: [{ id: 'district', value: 'where' }],
};

let profile;  // the Sofia profile with documents_test
let server;
let keys;
const tokens = {};
let seedByte = 0x10;

// `size` bytes of a PDF-looking file (or other leading bytes), the same for the same `salt`.
function fileBytes(size, { head = '%PDF-1.7\n', salt = 1 } = {}) {
  const bytes = Buffer.alloc(size);
  let state = salt * 2654435761 >>> 0;
  for (let i = 0; i < size; i += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  Buffer.from(head, 'latin1').copy(bytes);
  return bytes;
}

// The core seals `content` as the browser does (file.seal: deterministic for a seed).
function seal(content, { seed = 'ab'.repeat(32), publicKey = keys.envelope } = {}) {
  const run = spawnSync(process.env.CIVIC_BIN, ['api', 'file.seal', '-'], {
    input: JSON.stringify({ content: content.toString('base64'), public_key: publicKey, seed }),
    maxBuffer: 1 << 30,
  });
  const out = JSON.parse(run.stdout.toString());
  assert.ok(out.upload, JSON.stringify(out.error));
  return { ...out, chunks: out.chunks.map((chunk) => Buffer.from(chunk, 'base64')) };
}

function nextSeed() {
  seedByte += 1;
  return seedByte.toString(16).padStart(2, '0').repeat(32);
}

async function json(response) {
  return { status: response.status, headers: response.headers, body: await response.json() };
}

function createUpload(sealed, { size = sealed.size, header = sealed.header, url = server.url } = {}) {
  return fetch(`${url}/api/v1/uploads`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ header, size }),
  }).then(json);
}

function putChunk(upload, index, bytes, { type = 'application/octet-stream', url = server.url } = {}) {
  return fetch(`${url}/api/v1/uploads/${upload}/chunks/${index}`, {
    method: 'PUT', headers: { 'Content-Type': type }, body: bytes,
  }).then(json);
}

function uploadState(upload, url = server.url) {
  return fetch(`${url}/api/v1/uploads/${upload}`).then(json);
}

async function uploadAll(sealed, url = server.url) {
  assert.ok([200, 201].includes((await createUpload(sealed, { url })).status));
  for (const [index, chunk] of sealed.chunks.entries()) {
    assert.ok([200, 201].includes((await putChunk(sealed.upload, index, chunk, { url })).status));
  }
}

// The file answer the browser keeps for a sealed file.
function answerFor(sealed, { name = 'декларация.pdf', mediaType = 'application/pdf', ...changes } = {}) {
  return { name, media_type: mediaType, size: sealed.size, sha256: sealed.sha256, upload: sealed.upload, ...changes };
}

// An envelope of documents_test naming `files`, sealed by the core as the browser seals it.
function envelopeWith(files, { where = '68134-16', publicKey = keys.envelope } = {}) {
  const answers = join(tempDir('civic-files-answers-'), 'answers.json');
  writeFileSync(answers, JSON.stringify({ where, consent_file: files }));
  const run = spawnSync(process.env.CIVIC_ENVELOPES,
      [profile, 'documents_test', answers, today, publicKey, '1', nextSeed()]);
  assert.equal(run.status, 0, run.stderr.toString());
  return JSON.parse(run.stdout.toString());
}

async function queueSize(token = tokens.op16) {
  const queue = await asOperator(server.url, token, '/api/v1/operator/queue?district=68134-16&limit=200');
  assert.equal(queue.status, 200);
  return queue.body.items.length;
}

function addOperators(data) {
  addOperator(data, 'op16', 'operator', '68134-16', 'op16-pass-1');
  addOperator(data, 'op01', 'operator', '68134-01', 'op01-pass-1');
  addOperator(data, 'admin', 'admin', '', 'admin-pass-1');
}

before(async () => {
  profile = tempDir('civic-files-profile-');
  cpSync(profileDir, profile, { recursive: true });
  writeFileSync(join(profile, 'forms', 'documents_test.json'), JSON.stringify(documentsForm));
  server = await startServer({ args: ['--profile', profile] });
  addOperators(server.data);
  keys = await profileKeys(server.url);
  for (const name of ['op16', 'op01', 'admin']) {
    tokens[name] = (await login(server.url, name, `${name}-pass-1`)).body.token;
  }
});

after(async () => {
  await server.stop();
  removeDir(server.data);
  removeDir(profile);
});

test('a file larger than any file field allows is refused before a byte of it is sent (413)', async () => {
  const bundle = await (await fetch(`${server.url}/api/v1/profile`)).json();
  const fileFields = (fields) => fields.flatMap((f) => (f.type === 'file' ? [f] : fileFields(f.fields ?? [])));
  const limit = Math.max(...bundle.forms.flatMap((form) => form.steps.flatMap((s) => fileFields(s.fields)))
    .map((field) => field.max_size ?? 10 * 1024 * KiB));
  const sealed = seal(fileBytes(10));
  const refused = await createUpload(sealed, { size: limit + 1 });
  assert.equal(refused.status, 413);
  assert.equal(refused.body.errors[0].code, 'upload.too_large');
  assert.equal(refused.body.errors[0].params.limit, limit);
  assert.match(refused.body.errors[0].message.en, /too large: at most \d+(\.\d)? MB/);
  assert.match(refused.body.errors[0].message.bg, /твърде голям/);
  assert.equal((await uploadState(sealed.upload)).status, 404);
  for (const size of [0, -1, 1.5, '10']) {
    assert.equal((await createUpload(sealed, { size })).body.errors[0].code, 'upload.bad_size');
  }
});

test('a header not sealed to this municipality, or not 96 bytes, is refused', async () => {
  const otherKey = spawnSync(process.env.CIVIC_BIN, ['api', 'envelope.keypair', '-'],
      { input: JSON.stringify({ seed: '09'.repeat(32) }) });
  const sealed = seal(fileBytes(100), { publicKey: JSON.parse(otherKey.stdout).public_key });
  const refused = await createUpload(sealed);
  assert.equal(refused.status, 400);
  assert.equal(refused.body.errors[0].code, 'upload.bad_header');
  assert.equal((await createUpload(sealed, { header: sealed.header.slice(2) })).body.errors[0].code,
      'upload.bad_header');
});

test('bytes of no accepted type are refused at chunk 0 (415); a .pdf name over PNG bytes at submission', async () => {
  const garbage = seal(fileBytes(5000, { head: 'MZ\x90\x00not a document' }), { seed: nextSeed() });
  assert.equal((await createUpload(garbage)).status, 201);
  const refused = await putChunk(garbage.upload, 0, garbage.chunks[0]);
  assert.equal(refused.status, 415);
  assert.equal(refused.body.errors[0].code, 'upload.unsupported_type');
  assert.match(refused.body.errors[0].message.en, /not accepted/);
  assert.deepEqual((await uploadState(garbage.upload)).body.received, []);

  // PNG bytes (a type the form takes) named and described as a PDF.
  const png = seal(fileBytes(3000, { head: '\x89PNG\r\n\x1a\n' }), { seed: nextSeed() });
  await uploadAll(png);
  const before = await queueSize();
  const envelope = envelopeWith([answerFor(png, { name: 'scan.pdf', mediaType: 'application/pdf' })]);
  const answer = await submit(server.url, envelope);
  assert.equal(answer.status, 422);
  assert.equal(answer.body.errors[0].code, 'file.mismatch');
  assert.equal(answer.body.errors[0].path, '/consent_file/0');
  assert.match(answer.body.errors[0].message.bg, /не съвпада/);
  assert.equal(await queueSize(), before);
  assert.equal((await uploadState(png.upload)).body.attached, false);
});

test('a chunk that fails authentication, or has the wrong length, is refused and not stored', async () => {
  const sealed = seal(fileBytes(chunkBytes + 100), { seed: nextSeed() });
  assert.equal((await createUpload(sealed)).status, 201);
  const flipped = Buffer.from(sealed.chunks[1]);
  flipped[10] ^= 1;
  const refused = await putChunk(sealed.upload, 1, flipped);
  assert.equal(refused.status, 422);
  assert.equal(refused.body.errors[0].code, 'upload.chunk_invalid');
  // Chunk 0 offered as chunk 1 (reordered): the wrong length for the last chunk.
  assert.equal((await putChunk(sealed.upload, 1, sealed.chunks[0])).status, 400);
  assert.equal((await putChunk(sealed.upload, 1, sealed.chunks[1].subarray(1))).body.errors[0].code,
      'upload.bad_chunk_size');
  assert.equal((await putChunk(sealed.upload, 2, sealed.chunks[1])).body.errors[0].code, 'upload.bad_index');
  assert.equal((await putChunk(sealed.upload, 1, sealed.chunks[1], { type: 'application/json' })).status, 415);
  assert.equal((await putChunk('f'.repeat(64), 0, sealed.chunks[0])).status, 404);
  assert.deepEqual((await uploadState(sealed.upload)).body.received, []);
});

test('a resent chunk is stored once (200); other bytes for a stored chunk are refused (409)', async () => {
  const seed = nextSeed();
  const first = seal(fileBytes(4000, { salt: 1 }), { seed });
  const other = seal(fileBytes(4000, { salt: 2 }), { seed });  // same keys, other content
  assert.equal(other.upload, first.upload);
  assert.notDeepEqual(other.chunks[0], first.chunks[0]);
  const created = await createUpload(first);
  assert.equal(created.status, 201);
  assert.deepEqual(created.body, { upload: first.upload, chunks: 1, received: [], attached: false });
  assert.equal((await createUpload(first)).status, 200);  // the same header again
  assert.equal((await putChunk(first.upload, 0, first.chunks[0])).status, 201);
  const again = await putChunk(first.upload, 0, first.chunks[0]);
  assert.equal(again.status, 200);
  assert.deepEqual(again.body.received, [0]);
  const conflict = await putChunk(first.upload, 0, other.chunks[0]);
  assert.equal(conflict.status, 409);
  assert.equal(conflict.body.errors[0].code, 'upload.chunk_conflict');
  const resized = await createUpload(first, { size: 4001 });  // the stored header, another size
  assert.equal(resized.status, 409);
  assert.equal(resized.body.errors[0].code, 'upload.size_conflict');
});

test('an upload interrupted twice resumes, is attached, and only its district downloads it', async () => {
  const content = fileBytes(4 * chunkBytes + 12345, { salt: 7 });
  const sealed = seal(content, { seed: nextSeed() });
  assert.equal(sealed.chunks.length, 5);

  // First attempt: the header and chunk 0, then the connection drops in the middle of chunk 1.
  assert.equal((await createUpload(sealed)).status, 201);
  assert.equal((await putChunk(sealed.upload, 0, sealed.chunks[0])).status, 201);
  const head = `PUT /api/v1/uploads/${sealed.upload}/chunks/1 HTTP/1.1\r\nHost: test\r\n` +
      `Content-Type: application/octet-stream\r\nContent-Length: ${sealed.chunks[1].length}\r\n\r\n`;
  await raw(server.url, [head, sealed.chunks[1].subarray(0, 1000)], { end: true });

  // Second attempt: the client asks what arrived and sends only what is missing, then stops.
  let state = await createUpload(sealed);  // idempotent: answers what is stored
  assert.equal(state.status, 200);
  assert.deepEqual(state.body.received, [0]);
  for (const index of [1, 2]) assert.equal((await putChunk(sealed.upload, index, sealed.chunks[index])).status, 201);

  // Third attempt: the rest.
  state = await uploadState(sealed.upload);
  assert.deepEqual(state.body, { upload: sealed.upload, chunks: 5, received: [0, 1, 2], attached: false });
  for (const index of [3, 4]) assert.equal((await putChunk(sealed.upload, index, sealed.chunks[index])).status, 201);
  assert.deepEqual((await uploadState(sealed.upload)).body.received, [0, 1, 2, 3, 4]);

  const envelope = envelopeWith([answerFor(sealed, { name: 'декларация чл. 92.pdf' })]);
  const stored = await submit(server.url, envelope);
  assert.equal(stored.status, 201, JSON.stringify(stored.body));
  const id = stored.body.receipt.submission_id;
  assert.equal((await submit(server.url, envelope)).status, 200);  // a retry: the same receipt
  assert.equal((await uploadState(sealed.upload)).body.attached, true);
  const late = await putChunk(sealed.upload, 4, sealed.chunks[4]);
  assert.equal(late.status, 409);
  assert.equal(late.body.errors[0].code, 'upload.attached');

  const list = await asOperator(server.url, tokens.op16, `/api/v1/operator/submissions/${id}/files`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.files, [{
    index: 0, field: 'consent_file', pointer: '/consent_file/0', name: 'декларация чл. 92.pdf',
    media_type: 'application/pdf', size: content.length, sha256: sealed.sha256,
  }]);
  const download = await fetch(`${server.url}/api/v1/operator/submissions/${id}/files/0`,
      { headers: { Authorization: `Bearer ${tokens.op16}` } });
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
  assert.match(download.headers.get('content-disposition'), /^attachment; filename="file-1"; filename\*=UTF-8''/);
  assert.ok(Buffer.from(await download.arrayBuffer()).equals(content), 'the downloaded bytes are the file');

  for (const path of ['files', 'files/0']) {
    const refused = await asOperator(server.url, tokens.op01, `/api/v1/operator/submissions/${id}/${path}`);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.errors[0].code, 'operator.wrong_district');
  }
  assert.equal((await asOperator(server.url, tokens.op16, `/api/v1/operator/submissions/${id}/files/1`)).status, 404);
  const anonymous = await fetch(`${server.url}/api/v1/operator/submissions/${id}/files/0`);
  assert.equal(anonymous.status, 401);

  const audit = await asOperator(server.url, tokens.admin, '/api/v1/operator/audit?limit=1000');
  const downloads = audit.body.entries.filter((entry) => entry.action === 'file_download');
  assert.deepEqual(downloads.map((entry) => [entry.actor, entry.subject, entry.details.index]), [['op16', id, 0]]);
  assert.ok(!JSON.stringify(audit.body).includes('декларация'), 'no file name in the audit log');
  assert.ok(!server.log.join('\n').includes('декларация'), 'no file name in the server log');
});

test('a submission naming a missing, incomplete or mismatching upload is refused and stores nothing', async () => {
  const complete = seal(fileBytes(3000, { salt: 3 }), { seed: nextSeed() });
  await uploadAll(complete);
  const partial = seal(fileBytes(chunkBytes + 10, { salt: 4 }), { seed: nextSeed() });
  assert.equal((await createUpload(partial)).status, 201);
  assert.equal((await putChunk(partial.upload, 0, partial.chunks[0])).status, 201);

  const before = await queueSize();
  const cases = [
    [[answerFor(complete, { upload: 'e'.repeat(64) })], 'file.upload_missing'],
    [[{ ...answerFor(complete), upload: undefined }], 'file.upload_missing'],
    [[answerFor(partial)], 'file.upload_incomplete'],
    [[answerFor(complete, { sha256: 'a'.repeat(64) })], 'file.mismatch'],
    [[answerFor(complete, { size: complete.size + 1 })], 'file.mismatch'],
    [[answerFor(complete, { mediaType: 'image/png', name: 'scan.png' })], 'file.mismatch'],
  ];
  for (const [files, code] of cases) {
    const envelope = envelopeWith(files.map((file) => JSON.parse(JSON.stringify(file))));
    const refused = await submit(server.url, envelope);
    assert.equal(refused.status, 422, code);
    assert.equal(refused.body.errors[0].code, code);
    assert.ok(refused.body.errors[0].message.bg && refused.body.errors[0].message.en);
    // Nothing was kept under the key: the same envelope is refused the same way again.
    assert.equal((await submit(server.url, envelope)).body.errors[0].code, code);
  }
  assert.equal(await queueSize(), before);
  assert.equal((await uploadState(complete.upload)).body.attached, false);

  // Two submissions cannot share one upload.
  assert.equal((await submit(server.url, envelopeWith([answerFor(complete)]))).status, 201);
  const second = await submit(server.url, envelopeWith([answerFor(complete)]));
  assert.equal(second.status, 422);
  assert.equal(second.body.errors[0].code, 'file.upload_missing');
  assert.equal(await queueSize(), before + 1);
});

test('one client may hold only so many unattached uploads (429)', async () => {
  const capped = await startServer({ args: ['--profile', profile, '--max-pending-uploads', '2'] });
  try {
    const publicKey = (await profileKeys(capped.url)).envelope;
    const made = [];
    for (let i = 0; i < 3; i += 1) made.push(seal(fileBytes(100 + i), { seed: nextSeed(), publicKey }));
    assert.equal((await createUpload(made[0], { url: capped.url })).status, 201);
    assert.equal((await createUpload(made[1], { url: capped.url })).status, 201);
    const refused = await createUpload(made[2], { url: capped.url });
    assert.equal(refused.status, 429);
    assert.equal(refused.body.errors[0].code, 'upload.too_many');
    assert.equal((await createUpload(made[0], { url: capped.url })).status, 200);  // a held one still answers
  } finally {
    await capped.stop();
    removeDir(capped.data);
  }
});

test('uploads never sent with a submission are deleted after 7 days; attached ones stay', async () => {
  const data = tempDir();
  const clock = join(data, 'clock');
  const start = Date.parse('2026-11-20T08:00:00Z') / 1000;
  writeFileSync(clock, String(start));
  addOperators(data);
  const args = ['--profile', profile, '--clock-file', clock];
  let swept = await startServer({ data, args });
  try {
    const publicKey = (await profileKeys(swept.url)).envelope;
    const kept = seal(fileBytes(2000, { salt: 5 }), { seed: nextSeed(), publicKey });
    const dropped = seal(fileBytes(2000, { salt: 6 }), { seed: nextSeed(), publicKey });
    await uploadAll(kept, swept.url);
    await uploadAll(dropped, swept.url);
    const stored = await submit(swept.url, envelopeWith([answerFor(kept)], { publicKey }));
    assert.equal(stored.status, 201, JSON.stringify(stored.body));

    writeFileSync(clock, String(start + 7 * 24 * 3600 - 60));  // not yet 7 days
    await swept.stop();
    swept = await startServer({ data, args });
    assert.equal((await uploadState(dropped.upload, swept.url)).status, 200);

    writeFileSync(clock, String(start + 7 * 24 * 3600 + 60));
    await swept.stop();
    swept = await startServer({ data, args });  // sweeps before it listens
    assert.equal((await uploadState(dropped.upload, swept.url)).status, 404);
    assert.equal((await uploadState(kept.upload, swept.url)).body.attached, true);
    const token = (await login(swept.url, 'op16', 'op16-pass-1')).body.token;
    const download = await fetch(`${swept.url}/api/v1/operator/submissions/${stored.body.receipt.submission_id}/files/0`,
        { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(download.status, 200);
    assert.ok(Buffer.from(await download.arrayBuffer()).equals(fileBytes(2000, { salt: 5 })));
  } finally {
    await swept.stop();
    removeDir(data);
  }
});
