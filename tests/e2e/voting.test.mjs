// End-to-end: a vote in the citizen app, in Debian's Chromium on a phone-sized screen,
// against a real civic-server with an open election (tests/e2e/election.mjs prepares it as the
// commission would: register, trustees' ceremony, credentials). One-time codes are read from
// the development SMS gateway's file; the location is the browser's, overridden per context.
//   node --test tests/e2e/voting.test.mjs     (CIVIC_WEB, CIVIC_SERVER, CIVIC_CLI as app.test.mjs)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { contextsClosedAfterEach, expectAccessible, fillForm, fixture, launch, ready, root, screenshot, settled } from './harness.mjs';
import { countVotes, openElection, VOTERS } from './election.mjs';
import { startServer } from './server.mjs';

const web = process.env.CIVIC_WEB ?? join(root, 'build/web');
const PHONE = { width: 375, height: 740 };
const SOFIA = { latitude: 42.6977, longitude: 23.3219 };
const PLOVDIV = { latitude: 42.1354, longitude: 24.7453 };
let server;
let chromium;
let election;

before(async () => {
  server = await startServer({ web, sms: true });
  chromium = await launch();
  election = await openElection(server);
});

after(async () => {
  await chromium?.close();
  await server?.stop();
  await election?.remove();
});

const newContext = contextsClosedAfterEach(() => chromium);

/** A phone-sized page of the app; `geolocation` null leaves the permission ungranted. */
async function phone({ geolocation = SOFIA, lang = 'bg' } = {}) {
  const context = await newContext({
    viewport: PHONE, isMobile: true, hasTouch: true,
    ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}),
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(server.base);
  await ready(page);
  if (lang !== 'bg') {
    await page.click('#language');
    await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
  }
  return page;
}

async function go(page, hash) {
  await page.evaluate((wanted) => { location.hash = wanted; }, hash);
  await settled(page);
}

/** Clicks and waits for the page the app routes to (its URL, then its rendering). */
async function clickTo(page, selector, url) {
  await Promise.all([page.waitForURL(url), page.click(selector)]);
  await settled(page);
}

/** Personal number and phone → the code page; returns the code the SMS gateway sent. */
async function askForCode(page, voter) {
  await go(page, `#/vote/${election.id}`);
  await expectAccessible(page, 'vote start');
  await page.fill('#f-personal_number', voter.number);
  await page.fill('#f-phone', voter.phone);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/voters/code') && r.request().method() === 'POST'),
    clickTo(page, '#send-code', /\/code$/),
  ]);
  assert.equal(answer.status(), 202);
  await expectAccessible(page, 'code');
  return server.codeFor((await answer.json()).request);
}

/** From the start to the ballot, inside the municipality. */
async function toBallot(page, voter) {
  const code = await askForCode(page, voter);
  await page.fill('#f-code', code);
  await clickTo(page, '#confirm-code', /\/ballot$/);
}

/**
 * Ticks exactly these options (by id; the ballot starts from the voter's previous choice) and
 * encrypts: the page that says the ballot is NOT cast.
 */
async function encrypt(page, options) {
  for (const box of await page.$$('#ballot-form input[type=checkbox]:checked')) await box.uncheck();
  for (const option of options) await page.check(`input[value="${option}"]`);
  await clickTo(page, '#encrypt', /\/encrypted$/);
  assert.equal(await page.getAttribute('#ballot-state', 'data-state'), 'encrypted');
  assert.equal(await page.$('#receipt-signature'), null, 'no receipt before the ballot is cast');
  return page.getAttribute('#tracking-code', 'data-code');
}

/** Casts the encrypted ballot: the signed receipt, verified in the browser, with its code. */
async function cast(page, trackingCode) {
  await clickTo(page, '#cast', /\/cast$/);
  assert.equal(await page.getAttribute('#ballot-state', 'data-state'), 'cast');
  assert.equal(await page.getAttribute('#receipt-code', 'data-code'), trackingCode);
  assert.equal(await page.getAttribute('#receipt-verification', 'data-verified'), 'true');
}

async function boardStatus(page, trackingCode) {
  await go(page, `#/board/${election.id}?code=${trackingCode}`);
  await page.waitForSelector('#board-result');
  return page.getAttribute('#board-result', 'data-status');
}

describe('voting in the browser', () => {
  test('an admitted proposal is on the public list, found in Cyrillic and in Latin letters', async () => {
    const page = await phone();
    await go(page, '#/propose');
    await fillForm(page, fixture('proposer'));
    await page.click('#submit');
    await page.waitForURL(/#\/sent\//);
    const reference = await page.getAttribute('#reference', 'data-reference');
    await server.admin('POST', `/api/v1/operator/proposals/${reference}/admit`, {});
    await go(page, '#/proposals');
    const listed = `#proposal-list [data-id="${reference}"]`;
    await page.waitForSelector(listed);
    assert.match(await page.innerText(listed), /Детска площадка до бл\. 38/);
    await expectAccessible(page, 'proposals');
    await screenshot(page, 'proposals');
    for (const [query, found] of [['детска площадка', true], ['detska ploshtadka', true], ['DETSKA', true], ['велоалея', false]]) {
      await page.fill('#proposal-search', query);
      await page.waitForFunction(({ selector, found }) => (document.querySelector(selector) !== null) === found, { selector: listed, found });
    }
  });

  test('a code and a location inside Sofia → ballot → encrypted (not cast) → cast → signed receipt → on the board; axe on each page', async () => {
    const page = await phone();
    const voter = VOTERS[0];
    await go(page, '#/vote');
    await page.waitForSelector(`[data-election="${election.id}"] a[href="#/vote/${election.id}"]`);
    await expectAccessible(page, 'elections');
    await toBallot(page, voter);
    await expectAccessible(page, 'ballot');
    await screenshot(page, 'vote-ballot');
    const code = await encrypt(page, ['c1', 'c3']);
    await expectAccessible(page, 'encrypted');
    await screenshot(page, 'vote-encrypted');
    await cast(page, code);
    await expectAccessible(page, 'cast');
    await screenshot(page, 'vote-cast');
    election.expect(voter, { city: ['c1', 'c3'] });
    await clickTo(page, '#find-on-board', /#\/board\//);
    await page.waitForSelector('#board-result');
    assert.equal(await page.getAttribute('#board-result', 'data-status'), 'cast');
    await expectAccessible(page, 'board');
    await screenshot(page, 'vote-board');
  });

  test('a location outside the municipality is refused with the reason; a refused permission is explained', async () => {
    const outside = await phone({ geolocation: PLOVDIV });
    const code = await askForCode(outside, VOTERS[1]);
    const sessions = [];
    outside.on('request', (request) => { if (request.url().endsWith('/voters/session')) sessions.push(request.url()); });
    await outside.fill('#f-code', code);
    await outside.click('#confirm-code');
    await outside.waitForSelector('#location-help');
    assert.equal(await outside.getAttribute('#location-help', 'data-location'), 'outside');
    assert.match(await outside.innerText('.error-summary'), /не сте в Столична община/);
    assert.match(await outside.innerText('#location-help'), /извън Столична община/);
    assert.match(outside.url(), /\/code$/, 'no ballot without a location inside');
    assert.deepEqual(sessions, [], 'the device refuses before asking the server');
    await expectAccessible(outside, 'outside');
    await screenshot(outside, 'vote-outside');

    const denied = await phone({ geolocation: null, lang: 'en' });
    const again = await askForCode(denied, VOTERS[1]);
    await denied.fill('#f-code', again);
    await denied.click('#confirm-code');
    await denied.waitForSelector('#location-help');
    assert.equal(await denied.getAttribute('#location-help', 'data-location'), 'denied');
    assert.match(await denied.innerText('#location-help'), /Allow/);
    await expectAccessible(denied, 'location denied');
    await screenshot(denied, 'vote-location-denied');
  });

  test('check this ballot (spoil) shows its choices and never counts; the ballot encrypted afresh is cast', async () => {
    const page = await phone({ lang: 'en' });
    const voter = VOTERS[2];
    await toBallot(page, voter);
    const checked = await encrypt(page, ['c2', 's1']);
    await clickTo(page, '#check-ballot', /\/checked$/);
    assert.equal(await page.getAttribute('#ballot-state', 'data-state'), 'checked');
    const shown = await page.$$eval('#checked-choices [data-option]', (items) => items.map((i) => i.dataset.option));
    assert.deepEqual(shown.sort(), ['c2', 's1']);
    await expectAccessible(page, 'checked');
    await screenshot(page, 'vote-checked');
    await clickTo(page, '#encrypt-again', /\/encrypted$/);
    const fresh = await page.getAttribute('#tracking-code', 'data-code');
    assert.notEqual(fresh, checked);
    await cast(page, fresh);
    election.expect(voter, { city: ['c2'], studentski: ['s1'] });
    assert.equal(await boardStatus(page, checked), 'spoiled');
    assert.equal(await boardStatus(page, fresh), 'cast');
  });

  test('voting again replaces the earlier ballot: superseded on the board, only the last counted in the published result', async () => {
    const page = await phone();
    const voter = VOTERS[3];
    await toBallot(page, voter);
    const first = await encrypt(page, ['c4']);
    await cast(page, first);
    await clickTo(page, '#vote-again', /\/ballot$/);
    assert.ok(await page.$('#revote-note'));
    const second = await encrypt(page, ['c5', 's3']);
    await cast(page, second);
    election.expect(voter, { city: ['c5'], studentski: ['s3'] });
    assert.equal(await boardStatus(page, first), 'superseded');
    assert.equal(await boardStatus(page, second), 'cast');

    await election.closeAndPublish();
    await go(page, `#/results/${election.id}`);
    await page.waitForSelector('#votes-table');
    const shown = Object.fromEntries(await page.$$eval('#votes-table tbody tr', (rows) => rows.map((r) => [r.dataset.option, Number(r.querySelector('[data-votes]').dataset.votes)])));
    assert.deepEqual(shown, countVotes(election.expected()));
    assert.equal(await page.innerText('#ballots-cast'), String(Object.keys(election.expected()).length));
    await expectAccessible(page, 'results');
    await screenshot(page, 'vote-results');
  });
});
