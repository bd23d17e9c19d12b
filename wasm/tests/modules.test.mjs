// The package is two modules: civickit (every service) and civickit-vote, loaded only with
// load({ vote: true }). Without it, vote calls are refused clearly and nothing else changes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { civic, civickit } from './package.mjs';

const vectors = new URL('../../tests/vectors/', import.meta.url);
const firstCase = (file) => JSON.parse(readFileSync(new URL(file, vectors), 'utf8')).cases[0];

test('without the vote module, vote calls are refused with api.vote_not_loaded', async () => {
  const services = await civickit.load();
  const ballot = firstCase('vote.json');
  const refusal = JSON.parse(services.callJson('vote.encrypt', JSON.stringify(ballot.input)));
  assert.deepEqual(refusal.error.code, 'api.vote_not_loaded');
  assert.deepEqual(refusal.error.params, { function: 'vote.encrypt' });
  assert.match(refusal.error.message.bg, /гласуване/);
  assert.throws(() => services.verifyBallot('{}', '00', {}), (error) => {
    assert.ok(error instanceof civickit.CivicError);
    assert.equal(error.code, 'api.vote_not_loaded');
    return true;
  });
  assert.equal(services.transliterate('София'), 'Sofia');
});

test('with the vote module, vote calls answer as the native core does', () => {
  const ballot = firstCase('vote.json');
  assert.deepEqual(JSON.parse(civic.callJson('vote.encrypt', JSON.stringify(ballot.input))), ballot.output);
});

test('the vote module does not answer for the services, nor they for it', () => {
  const unknown = JSON.parse(civic.callJson('vote.no_such', '{}'));
  assert.equal(unknown.error.code, 'api.unknown_function');
});
