// End-to-end: the start page is the municipality's catalogue of e-services (docs/profile.md
// "Service catalogue"), on a phone-sized screen against a real civic-server with an open
// election (tests/e2e/election.mjs): the services grouped by life event with what you need, how
// long, the fee and the legal basis; the search finds the address change in Latin and in
// Cyrillic, says how many services it found in words, and says so when none matches.
//   node --test tests/e2e/catalogue.test.mjs     (CIVIC_WEB, CIVIC_SERVER, CIVIC_CLI as app.test.mjs)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { contextsClosedAfterEach, expectAccessible, launch, ready, root, screenshot, settled, switchLanguage } from './harness.mjs';
import { openElection } from './election.mjs';
import { startServer } from './server.mjs';

const web = process.env.CIVIC_WEB ?? join(root, 'build/web');
const PHONE = { width: 375, height: 740 };
let server;
let chromium;
let election;

before(async () => {
  server = await startServer({ web });
  chromium = await launch();
  election = await openElection(server);
});

after(async () => {
  await chromium?.close();
  await server?.stop();
  await election?.remove();
});

const newContext = contextsClosedAfterEach(() => chromium);

async function catalogue() {
  const context = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(server.base);
  await ready(page);
  return page;
}

/** The services on screen, by group: { life event id: [service id...] }. */
function shownServices(page) {
  return page.$$eval('#services section:not([hidden])', (sections) => Object.fromEntries(sections.map((section) => [
    section.dataset.lifeEvent,
    [...section.querySelectorAll('[data-service]:not([hidden])')].map((item) => item.dataset.service)])));
}

/** Types `query` into the search as a person would and waits for the live count to answer it. */
async function search(page, query, expected) {
  await page.fill('#service-search', '');
  await page.type('#service-search', query);
  await page.waitForFunction((text) => document.getElementById('service-count').textContent === text, expected);
}

describe('service catalogue', () => {
  test('lists the services grouped by life event, with the open election, each with its details', async () => {
    const page = await catalogue();
    assert.deepEqual(await shownServices(page), {
      moving_home: ['address_change'],
      city_life: ['pb_proposal', `vote-${election.id}`],
    });
    assert.equal(await page.innerText('#service-count'), '3 услуги');
    const card = '[data-service="address_change"]';
    assert.match(await page.innerText(`${card} h3`), /адресна регистрация/);
    assert.match(await page.innerText(card), /Какво ви трябва[\s\S]*нотариален акт/);
    assert.match(await page.innerText(card), /до 7 работни дни/);
    assert.match(await page.innerText(card), /от 2,56\s€ до 5,11\s€/);
    assert.equal(await page.getAttribute(`${card} a[href^="https://"]`, 'href'), 'https://address.sofia.bg/bg/c/faq');
    assert.equal(await page.getAttribute(`[data-service="vote-${election.id}"] h3 a`, 'href'), `#/vote/${election.id}`);
    await expectAccessible(page, 'catalogue');
    await screenshot(page, 'catalogue-phone');

    await page.click(`${card} h3 a`);
    await settled(page);
    assert.equal(await page.evaluate(() => location.hash), '#/start/address_change');
    await expectAccessible(page, 'service start');
  });

  test('a search in Latin or Cyrillic letters finds the address change; no match is said', async () => {
    const page = await catalogue();
    await search(page, 'adres', '1 услуга');
    assert.deepEqual(await shownServices(page), { moving_home: ['address_change'] });
    await search(page, 'адрес', '1 услуга');
    assert.deepEqual(await shownServices(page), { moving_home: ['address_change'] });
    await search(page, 'гласувайте', '1 услуга');
    assert.deepEqual(await shownServices(page), { city_life: [`vote-${election.id}`] });
    await search(page, 'квчжщ', 'Няма услуга, която да отговаря на „квчжщ“. Опитайте с друга дума.');
    assert.deepEqual(await shownServices(page), {});
    await expectAccessible(page, 'catalogue, no match');
    await screenshot(page, 'catalogue-no-match');
    await search(page, '', '3 услуги');

    await switchLanguage(page, 'en');
    await search(page, 'address', '1 service');
    assert.deepEqual(await shownServices(page), { moving_home: ['address_change'] });
    await search(page, 'адрес', '1 service');
    await expectAccessible(page, 'catalogue in English');
  });
});
