// sealFile: the core's Sealer class, Uint8Array in and out. A seeded Rng gives the bytes the
// native core gives: the known answer of tests/vectors/sealed-file/three-chunks.json (checked
// natively by tests/unit/sealed_file_vector_test.cpp) and every file.seal vector (replayed
// natively by the GoogleTest suite), sealed here chunk by chunk through the class.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { civic, civickit } from './package.mjs';

const vectors = process.env.CIVIC_VECTORS_DIR ?? new URL('../../tests/vectors', import.meta.url).pathname;
const readVector = (name) => JSON.parse(readFileSync(join(vectors, name), 'utf8'));
const hex = (bytes) => Buffer.from(bytes).toString('hex');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// Seals `content` (a Uint8Array) chunk by chunk, as the web app does from file.slice().
function sealAll(content, publicKey, seed) {
  const sealer = civic.sealFile(content.length, publicKey, { seed });
  try {
    const chunks = [];
    for (let i = 0; i < sealer.chunkCount; i++) {
      chunks.push(sealer.sealChunk(i, content.subarray(i * sealer.chunkBytes, (i + 1) * sealer.chunkBytes)));
    }
    return { header: sealer.header, upload: sealer.upload, sha256: sealer.sha256(), chunks };
  } finally {
    sealer.delete();
  }
}

test('a seeded Rng seals three chunks to the bytes the native core gives', () => {
  const vector = readVector('sealed-file/three-chunks.json');
  const content = Uint8Array.from({ length: vector.size }, (_, i) => i % 251);
  const sealed = sealAll(content, vector.public_key, vector.seed);
  assert.ok(sealed.header instanceof Uint8Array);
  assert.equal(hex(sealed.header), vector.header);
  assert.equal(sealed.upload, vector.upload);
  assert.equal(sealed.sha256, vector.sha256);
  assert.deepEqual(sealed.chunks.map((chunk) => ({ size: chunk.length, sha256: sha256(chunk) })), vector.sealed_chunks);
  assert.ok(sealed.chunks.every((chunk) => chunk instanceof Uint8Array));
});

test('the class seals every file.seal vector to its output', () => {
  const suite = readVector('file-seal.json');
  const sealing = suite.cases.filter((vector) => vector.output.upload);
  assert.ok(sealing.length >= 2);
  for (const { name, input, output } of sealing) {
    const content = new Uint8Array(Buffer.from(input.content, 'base64'));
    const sealed = sealAll(content, input.public_key, input.seed);
    assert.deepEqual({
      upload: sealed.upload, header: hex(sealed.header), size: content.length,
      sha256: sealed.sha256, chunks: sealed.chunks.map((chunk) => Buffer.from(chunk).toString('base64')),
    }, output, name);
  }
});

test('sealing a chunk again gives the same bytes; out of order the SHA-256 is refused', () => {
  const vector = readVector('sealed-file/three-chunks.json');
  const content = Uint8Array.from({ length: vector.size }, (_, i) => i % 251);
  const sealer = civic.sealFile(content.length, vector.public_key, { seed: vector.seed });
  try {
    const last = content.subarray(2 * sealer.chunkBytes);
    const first = sealer.sealChunk(2, last);
    assert.deepEqual(sealer.sealChunk(2, last), first);
    assert.throws(() => sealer.sha256(), (error) => error instanceof civickit.CivicError && error.code === 'sealed_file.incomplete');
  } finally {
    sealer.delete();
  }
});

test('a refused size, key, index or chunk length is a CivicError with the core code', () => {
  const key = readVector('sealed-file/three-chunks.json').public_key;
  const code = (run) => {
    try { run(); } catch (error) { assert.ok(error instanceof civickit.CivicError); return error.code; }
    return null;
  };
  assert.equal(code(() => civic.sealFile(0, key)), 'sealed_file.bad_size');
  assert.equal(code(() => civic.sealFile(1.5, key)), 'sealed_file.bad_size');
  assert.equal(code(() => civic.sealFile(2 ** 32 + 1, key)), 'sealed_file.bad_size');
  assert.equal(code(() => civic.sealFile(10, 'zz')), 'envelope.bad_key');
  assert.equal(code(() => civic.sealFile(10, key, { seed: '00' })), 'api.bad_request');
  const sealer = civic.sealFile(10, key);
  try {
    assert.equal(code(() => sealer.sealChunk(1, new Uint8Array(10))), 'sealed_file.bad_index');
    assert.equal(code(() => sealer.sealChunk(0, new Uint8Array(9))), 'sealed_file.bad_chunk_size');
    assert.equal(sealer.sealChunk(0, new Uint8Array(10)).length, 26);
  } finally {
    sealer.delete();
    sealer.delete();  // deleting twice is harmless
  }
  assert.throws(() => sealer.sealChunk(0, new Uint8Array(10)), /FileSealer was used after it was freed/);
  assert.throws(() => sealer.sha256(), /FileSealer was used after it was freed/);
});
