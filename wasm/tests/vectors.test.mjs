// Replays tests/vectors/*.json through the npm module's public API. The GoogleTest suite
// replays the same files natively, so every vector proves native == wasm, byte for byte.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { civic } from './package.mjs';

const dir = process.env.CIVIC_VECTORS_DIR ?? new URL('../../tests/vectors', import.meta.url).pathname;
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

test('vector files are present', () => assert.ok(files.length >= 3));

for (const file of files) {
  const suite = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  test(`${file}: ${suite.cases.length} vectors`, () => {
    for (const vector of suite.cases) {
      const got = civic.callJson(suite.function, JSON.stringify(vector.input));
      assert.equal(got, JSON.stringify(vector.output), `${file}: ${vector.name}`);
    }
  });
}
