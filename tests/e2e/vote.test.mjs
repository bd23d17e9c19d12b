// End-to-end: the participatory budget in the citizen app (Debian's Chromium, a real
// civic-server): a proposal through the form, and the ballot's cryptography in the page's
// Web Worker.
//   node --test tests/e2e/vote.test.mjs     (CIVIC_WEB = the built app, default build/web)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { contextsClosedAfterEach, expectAccessible, fillForm, fixture, launch, ready, root, screenshot, settled } from './harness.mjs';
import { startServer } from './server.mjs';

const web = process.env.CIVIC_WEB ?? join(root, 'build/web');
const manifest = JSON.parse(readFileSync(join(root, 'shared/profiles/sofia/elections/sofia-2026-sample.json'), 'utf8'));
// Any valid joint key serves the worker's own checks: the vote vectors' ceremony has one.
const jointKey = JSON.parse(readFileSync(join(root, 'tests/vectors/vote-board/ceremony.json'), 'utf8')).joint_key;
let server;
let chromium;

before(async () => {
  server = await startServer({ web });
  chromium = await launch();
});

after(async () => {
  await chromium?.close();
  await server?.stop();
});

const newContext = contextsClosedAfterEach(() => chromium);

async function newPage(options = {}) {
  const context = await newContext(options);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(server.base);
  await ready(page);
  return { context, page };
}

async function go(page, hash) {
  await page.evaluate((wanted) => { location.hash = wanted; }, hash);
  await settled(page);
}

/** Runs one operation of the app's ballot worker (web/app/vote/crypto.mjs) in the page. */
function inWorker(page, op, input) {
  return page.evaluate(async ({ op, input }) => {
    const crypto = await import('/app/vote/crypto.mjs');
    const stages = [];
    try {
      const output = await crypto[op](input, (progress) => stages.push(progress));
      return { output, stages };
    } catch (error) {
      return { error, stages };
    }
  }, { op, input });
}

describe('participatory budget in the browser', () => {
  test('proposal: start → steps → check → sent (verified receipt), stored once, axe on every page', async () => {
    const { page } = await newPage();
    await go(page, '#/propose');
    await expectAccessible(page, 'propose start');
    assert.match(await page.innerText('#service-name'), /София избира/);
    const before = await server.count();
    await fillForm(page, fixture('proposer'), { axe: true });
    assert.match(page.url(), /\/check$/);
    assert.match(await page.innerText('main h1'), /Проверете предложението си/);
    await expectAccessible(page, 'proposal check');
    await page.click('#submit');
    await page.waitForURL(/#\/sent\//);
    await settled(page);
    assert.equal(await page.getAttribute('#receipt-verification', 'data-verified'), 'true');
    assert.match(await page.innerText('main h1'), /Предложението е изпратено/);
    await expectAccessible(page, 'proposal sent');
    await screenshot(page, 'proposal-sent');
    assert.equal(await server.count(), before + 1);
  });

  test('ballot worker: encrypts a choice within the limits with its stages, refuses one outside them, opens a checked ballot', async () => {
    const { page } = await newPage();
    const input = {
      manifest, joint_key: jointKey, credential_seed: '42'.repeat(32), device: 'e2e', time: '2026-12-02T06:00:00Z',
      selections: { city: ['c1', 'c3'], studentski: ['s2'] },
    };
    const encrypted = await inWorker(page, 'encrypt', input);
    assert.equal(encrypted.error, undefined, JSON.stringify(encrypted.error));
    assert.match(encrypted.output.tracking_code, /^[0-9a-f]{64}$/);
    assert.equal(encrypted.output.ballot.choice, 'cast');
    assert.deepEqual(encrypted.stages.map((s) => s.stage), ['loading', 'encrypting', 'checking']);
    assert.ok(encrypted.stages.every((s) => s.total === 3));

    const tooMany = await inWorker(page, 'encrypt', { ...input, selections: { city: ['c1', 'c2', 'c3', 'c4'] } });
    assert.equal(tooMany.error?.code, 'vote.selections.count');
    assert.match(tooMany.error.path, /^\/selections\/city/);
    assert.ok(tooMany.error.message.bg && tooMany.error.message.en, 'the refusal is worded in both languages');

    const opened = await inWorker(page, 'spoil', { manifest, joint_key: jointKey, ballot: encrypted.output.ballot, seed: encrypted.output.seed, credential_seed: input.credential_seed });
    assert.equal(opened.error, undefined, JSON.stringify(opened.error));
    assert.equal(opened.output.entry.status, 'spoiled');
    assert.equal(opened.output.entry.ballot.tracking_code, encrypted.output.tracking_code);
    assert.deepEqual(opened.output.selections, { city: ['c1', 'c3'], studentski: ['s2'] });
  });
});
