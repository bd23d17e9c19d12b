// The package is three modules: civickit (what a citizen's pages use), civickit-tools (loaded
// with load({ tools: true }) or loadTools()) and civickit-vote (load({ vote: true }) or
// loadVote()). Without one, its calls are refused clearly and nothing else changes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
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

// Every function of the tools module, each with its first vector (tests/vectors hold inputs
// with their exact outputs; vectors.test.mjs replays them all with every module loaded).
const TOOLS_FUNCTIONS = [
  'address.validate', 'address.suggest', 'register.import', 'envelope.hash', 'envelope.seal',
  'envelope.open', 'envelope.keypair', 'file.seal', 'expr.evaluate', 'form.check_definition',
  'eligibility.check', 'profile.check', 'profile.validate_form', 'profile.catalogue',
];
const suites = readdirSync(vectors).filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, vectors), 'utf8')));
const TOOLS = Object.fromEntries(TOOLS_FUNCTIONS.map((fn) => [fn, suites.find((suite) => suite.function === fn).cases[0]]));

test('without the tools module, its functions are refused with api.tools_not_loaded', async () => {
  const core = await civickit.load();
  for (const [fn, vector] of Object.entries(TOOLS)) {
    const refusal = JSON.parse(core.callJson(fn, JSON.stringify(vector.input)));
    assert.equal(refusal.error.code, 'api.tools_not_loaded', fn);
    assert.deepEqual(refusal.error.params, { function: fn });
    assert.match(refusal.error.message.bg, /инструменти/);
    assert.match(refusal.error.message.en, /loadTools\(\)/);
  }
  assert.throws(() => core.evaluate('1 + 1'), { code: 'api.tools_not_loaded' });
  assert.throws(() => core.checkFormDefinition({}), { code: 'api.tools_not_loaded' });
  // The citizen's functions answer without it.
  assert.equal(core.transliterate('София'), 'Sofia');
  const receipt = firstCase('receipt-verify.json');  // a citizen's function
  assert.deepEqual(JSON.parse(core.callJson('receipt.verify', JSON.stringify(receipt.input))), receipt.output);
});

test('loadTools() loads the tools module later: its functions then answer as the native core does', async () => {
  const core = await civickit.load();
  const loading = [core.loadTools(), core.loadTools()];  // asked twice, loaded once
  assert.equal(await loading[0], core);
  await loading[1];
  for (const [fn, vector] of Object.entries(TOOLS)) {
    assert.deepEqual(JSON.parse(core.callJson(fn, JSON.stringify(vector.input))), vector.output, fn);
  }
  assert.deepEqual(core.evaluate('1 + 1', { today: '2026-11-25' }), civic.evaluate('1 + 1', { today: '2026-11-25' }));
});

test('geo.inside (the voter\'s location) is the vote module\'s: refused without it, answered after loadVote()', async () => {
  const core = await civickit.load();
  const where = suites.find((suite) => suite.function === 'geo.inside').cases[0];
  const refusal = JSON.parse(core.callJson('geo.inside', JSON.stringify(where.input)));
  assert.equal(refusal.error.code, 'api.vote_not_loaded');
  assert.match(refusal.error.message.en, /loadVote\(\)/);
  assert.equal(await core.loadVote(), core);
  assert.deepEqual(JSON.parse(core.callJson('geo.inside', JSON.stringify(where.input))), where.output);
  const ballot = firstCase('vote.json');
  assert.deepEqual(JSON.parse(core.callJson('vote.encrypt', JSON.stringify(ballot.input))), ballot.output);
});
