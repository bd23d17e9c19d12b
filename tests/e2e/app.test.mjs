// End-to-end: the citizen app in Debian's Chromium against a real civic-server.
//   node --test tests/e2e/app.test.mjs     (CIVIC_WEB = the built app, default build/web)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { closeContext, contextsClosedAfterEach, continueStep, expectAccessible, fillForm, fillStep, fixture, launch, ready, root, screenshot, sendDeclaration, settled, signOnPhone, start, switchLanguage, USER_TYPES } from './harness.mjs';
import { startServer } from './server.mjs';
import { tamper } from './tamper.mjs';

const web = process.env.CIVIC_WEB ?? join(root, 'build/web');
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

async function newPage() {
  const context = await newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(server.base);
  await ready(page);
  return { context, page };
}

/** How many records an object store of the app's IndexedDB holds (run in the page). */
async function storeCount(store) {
  const request = indexedDB.open('civickit');
  const db = await new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
  const count = await new Promise((resolve) => {
    const counting = db.transaction(store).objectStore(store).count();
    counting.onsuccess = () => resolve(counting.result);
  });
  db.close();
  return count;
}

/** Polls a state (not a time): resolves when `check` holds, fails after two minutes. */
async function until(check, what) {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** From the start page to the step of the new address, as an owner. */
async function toTheNewAddress(page) {
  await start(page);
  for (let i = 0; i < 2; i++) {  // who applies, then the declarant
    await fillStep(page, fixture('owner'));
    await continueStep(page);
  }
  await settled(page);
}

/** A page the service worker controls (installed, and the page reloaded under it). */
async function controlledPage() {
  const opened = await newPage();
  await opened.page.evaluate(() => navigator.serviceWorker.ready);
  await opened.page.reload();
  await ready(opened.page);
  return opened;
}

/** Sends (signing on the development phone as the applicant of `answers`) from "Check your answers". */
function submit(page, answers = fixture('owner')) {
  return sendDeclaration(page, answers);
}

describe('citizen app', () => {
  for (const [index, type] of USER_TYPES.entries()) {
    test(`full flow, user type ${type}: start → steps → check → sent (verified receipt) → status`, async () => {
      const { context, page } = await newPage();
      const shots = index === 0 ? 'flow' : null;
      await expectAccessible(page, 'start');
      if (shots) await screenshot(page, 'flow-start');
      const before = await server.count();
      await fillForm(page, fixture(type), { axe: true, shots });
      assert.match(page.url(), /\/check$/);
      await expectAccessible(page, 'check');
      if (shots) await screenshot(page, 'flow-check');
      await submit(page, fixture(type));
      assert.match(page.url(), /#\/sent\//);
      assert.equal(await page.getAttribute('#receipt-verification', 'data-verified'), 'true');
      await expectAccessible(page, 'sent');
      if (shots) await screenshot(page, 'flow-sent');
      assert.equal(await server.count(), before + 1);
      await page.click('a[href^="#/status/"]');
      await page.click('#check-status');
      await page.waitForSelector('#status-result');
      assert.match(await page.innerText('#status-result'), /Получена|Received/);
      await expectAccessible(page, 'status');
      if (shots) await screenshot(page, 'flow-status');
      await page.click('a[href="#/applications"]');
      await page.waitForSelector('#apps-sent');
      await expectAccessible(page, 'applications');
      await closeContext(context);
    });
  }

  test('the fee is shown before sending; after "needs correction" the status page says what to do', async () => {
    const { page } = await newPage();
    await fillForm(page, fixture('owner'));
    assert.match(await page.innerText('#fee'), /2,56\s€/);
    await submit(page);
    const reference = await page.getAttribute('#reference', 'data-reference');
    await server.decide(reference, { status: 'needs_correction', reason: { bg: 'Липсва нотариалният акт', en: 'The title deed is missing' } });
    await page.click('a[href^="#/status/"]');
    await settled(page);
    // Typed as a person would read it aloud: lower case, in groups, spaces for hyphens.
    await page.fill('#f-reference', reference.toLowerCase().replace(/(.{4})/g, '$1 '));
    await page.click('#check-status');
    await page.waitForSelector('#status-next');
    assert.match(await page.innerText('#status-result'), /Липсва нотариалният акт/);
    assert.match(await page.innerText('#status-next'), /Коригирайте заявлението тук/);
    await expectAccessible(page, 'status needs correction');
    await screenshot(page, 'status-needs-correction');
  });

  test('a correction starts from the answers this device sent and is linked to the first declaration', async () => {
    const { page } = await newPage();
    await fillForm(page, fixture('owner'));
    await submit(page);
    const reference = await page.getAttribute('#reference', 'data-reference');
    await server.decide(reference, {
      status: 'needs_correction', reason: { bg: 'Липсва нотариалният акт', en: 'The title deed is missing' }, missing: ['documents'],
    });
    await page.click('a[href^="#/status/"]');
    await page.click('#check-status');
    await page.waitForSelector('#status-missing');
    assert.match(await page.innerText('#correction-start'), /запазило изпратените от вас отговори/);
    await expectAccessible(page, 'status with what is missing');
    await page.click('#start-correction');
    await page.waitForFunction(() => location.hash.endsWith('/check'));
    await page.waitForSelector('#submit');
    assert.match(await page.innerText('main'), /Георги Иванов Петров/, 'pre-filled from what was sent');
    await submit(page);
    assert.match(page.url(), /#\/sent\//);
    const corrected = await page.getAttribute('#reference', 'data-reference');
    assert.notEqual(corrected, reference);
    await page.goto(`${server.base}#/status/${reference}`);
    await ready(page);
    await page.click('#check-status');
    await page.waitForSelector('#status-corrected-by');
    assert.equal(await page.innerText('#status-corrected-by'), corrected);
    assert.match(await page.innerText('#status-result'), /Коригирано/);
  });

  test('on a phone the citizen pays the fee, and after approval gets a certificate checked on the device', async () => {
    const context = await newContext({ serviceWorkers: 'allow', viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(server.base);
    await ready(page);
    await fillForm(page, fixture('owner'));
    await submit(page);
    const reference = await page.getAttribute('#reference', 'data-reference');
    await page.click('a[href^="#/status/"]');
    await page.click('#check-status');
    await page.waitForSelector('#status-result');
    assert.equal(await page.$('#get-certificate'), null, 'no certificate before approval');
    await page.click('#pay-fee');
    await page.waitForSelector('#amount');
    assert.match(await page.innerText('#amount'), /2\.56 €/);
    await expectAccessible(page, 'development bank');
    await page.click('#pay');
    await page.waitForURL(/#\/status\//);
    await ready(page);
    await page.click('#check-status');
    await page.waitForSelector('#payment-state[data-state="paid"]');
    await server.decide(reference, { status: 'approved' });
    await page.click('#check-status');
    await page.waitForSelector('#get-certificate');
    await expectAccessible(page, 'status approved');
    await page.click('#get-certificate');
    await page.waitForSelector('#certificate-verification');
    assert.match(page.url(), /#\/certificate$/);
    assert.equal(await page.getAttribute('#certificate-verification', 'data-verified'), 'true');
    assert.equal((await page.innerText('#certificate-reference')).replaceAll('-', ''), reference);
    const text = await page.innerText('main');
    assert.match(text, /Удостоверение за адресна регистрация/);
    assert.match(text, /Столична община/);
    assert.match(text, /Вид на адреса\s+Постоянен адрес/, 'a choice is shown by its label');
    assert.match(text, /Акад\. Борис Стефанов/);
    await expectAccessible(page, 'certificate');
    await screenshot(page, 'certificate-phone');
  });

  test('references are short, grouped and checked before anything is sent', async () => {
    const { page } = await newPage();
    await fillForm(page, fixture('resident'));
    await submit(page, fixture('resident'));
    assert.match(await page.innerText('#reference'), /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$/);
    assert.match(await page.innerText('#status-token'), /^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
    const reference = await page.getAttribute('#reference', 'data-reference');
    await page.click('a[href^="#/status/"]');
    await settled(page);
    const swapped = reference.slice(0, 3) + (reference[3] === '0' ? '1' : '0') + reference.slice(4);
    await page.fill('#f-reference', swapped);
    const requests = [];
    page.on('request', (request) => { if (request.url().includes('/api/v1/submissions/')) requests.push(request.url()); });
    await page.click('#check-status');
    await page.waitForSelector('.error-summary');
    assert.match(await page.innerText('.error-summary'), /не е въведен точно/);
    assert.deepEqual(requests, [], 'a mistyped reference is caught on the device');
    await expectAccessible(page, 'status mistyped reference');
  });

  test('errors show on Continue, not while typing; summary links to the field; English switch', async () => {
    const { context, page } = await newPage();
    await start(page);
    await page.click('#continue');
    await page.waitForSelector('.error-summary');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'error-summary');
    assert.match(await page.title(), /^Грешка: /);
    await expectAccessible(page, 'error summary');
    await screenshot(page, 'errors-bg');
    await page.click('.error-summary a');
    assert.ok(await page.evaluate(() => document.activeElement.closest('.form-group--error') !== null));
    await switchLanguage(page, 'en');
    assert.match(await page.innerText('.error-summary'), /There is a problem/);
    await expectAccessible(page, 'error summary (en)');
    await closeContext(context);
  });

  test('the address finder: numbers typed fill the parts, "nothing" says what to do, counts in Bulgarian, Latin in English', async () => {
    const { context, page } = await newPage();
    await toTheNewAddress(page);
    const box = page.locator('[data-pointer="/new_address"] [role=combobox]');
    const status = page.locator('[data-pointer="/new_address"] [role=status]');
    await box.pressSequentially('Акад. Борис Стефанов 5', { delay: 10 });
    await page.waitForFunction(() => /^1 предложение\./.test(document.querySelector('[data-pointer="/new_address"] [role=status]').textContent));
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForFunction(() => document.querySelector('.address__number input')?.value === '5');
    assert.equal(await page.inputValue('.address__street input'), 'Акад. Борис Стефанов');
    await box.fill('');
    await box.pressSequentially('ж.к. Яворов', { delay: 10 });
    await page.waitForFunction(() => /^\d+ предложения\./.test(document.querySelector('[data-pointer="/new_address"] [role=status]').textContent));
    await box.fill('Несъществуваща 4');
    await page.waitForSelector('.combobox__none:not([hidden])');
    assert.match(await page.innerText('.combobox__none'), /Не намерихме адрес за „Несъществуваща 4“.*полетата по-долу/s);
    assert.equal(await status.innerText(), 'Няма предложения.');
    await expectAccessible(page, 'address finder: nothing found');
    await switchLanguage(page, 'en');
    const finder = page.locator('[data-pointer="/new_address"] [role=combobox]');
    await finder.fill('');
    await finder.pressSequentially('Vitosha 12', { delay: 10 });
    await page.waitForSelector('[data-pointer="/new_address"] [role=option]');
    const options = await page.$$eval('[data-pointer="/new_address"] [role=option]', (items) => items.map((item) => item.textContent));
    assert.ok(options.length > 0);
    for (const option of options) assert.doesNotMatch(option, /[\u0400-\u04FF]/, option);
    assert.match(options[0], /^bul\. Vitosha — Sofia, Sredets/);
    assert.ok(await page.$$eval('[data-pointer="/new_address"] select option', (items) => items.length) >= 39, 'every settlement offered');
    assert.doesNotMatch(await page.innerText('[data-pointer="/new_address"] select'), /[\u0400-\u04FF]/);
    await closeContext(context);
  });

  test('a district without a register: recognised from what is typed, answered kindly, the draft kept', async () => {
    const { context, page } = await newPage();
    await toTheNewAddress(page);
    const box = page.locator('[data-pointer="/new_address"] [role=combobox]');
    await box.pressSequentially('Младост 1 бл. 12', { delay: 10 });
    await page.waitForSelector('[data-pointer="/new_address"] [role=option]');
    const first = await page.innerText('[data-pointer="/new_address"] [role=option]');
    assert.match(first, /^Младост — София, Младост \(район, който още не е в услугата\)/);
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForSelector('#not-live-title');
    assert.equal(await page.innerText('#not-live-title'), 'Район „Младост“ още не е включен в електронната услуга');
    const notice = await page.innerText('.inset-text:has(#not-live-title)');
    assert.match(notice, /Средец, Слатина, Студентски, Витоша/);
    assert.match(notice, /лично в районната администрация на район „Младост“/);
    assert.equal(await page.inputValue('.address__block input'), '12');
    await expectAccessible(page, 'district not live');
    await screenshot(page, 'district-not-live');
    await page.click('#continue');
    await page.waitForSelector('.error-summary');
    const summary = await page.innerText('.error-summary');
    assert.match(summary, /район „Младост“, който още не е включен в електронната услуга/);
    assert.doesNotMatch(summary, /Няма такъв блок/);
    await page.waitForFunction(storeCount, 'drafts');
    assert.equal(await page.evaluate(storeCount, 'drafts'), 1);
    await closeContext(context);
  });

  test('not eligible: an explanation page with the policy reasons, not a field error', async () => {
    const context = await newContext();
    // The profile gains a policy named after the form (how the app finds who may apply).
    await context.route('**/api/v1/profile', async (route) => {
      const bundle = await (await route.fetch()).json();
      bundle.policies = [...(bundle.policies ?? []), {
        id: 'address_change', version: 1, title: { bg: 'Кой може да подаде', en: 'Who may apply' },
        rules: [{ id: 'in_person', check: 'role != "representative"',
          reason: { bg: 'Пълномощниците подават заявлението лично', en: 'Representatives apply in person' } }],
      }];
      return route.fulfill({ json: bundle });
    });
    const page = await context.newPage();
    await page.goto(server.base);
    await ready(page);
    await start(page);
    await fillStep(page, fixture('representative'));
    await page.click('#continue');
    await page.waitForURL(/\/not-eligible$/);
    assert.match(await page.innerText('#reasons'), /Пълномощниците подават заявлението лично/);
    await expectAccessible(page, 'not eligible');
    await screenshot(page, 'not-eligible');
    await closeContext(context);
  });

  test('a 500 then a 201: the item survives the 500 and is delivered once', async () => {
    const { context, page } = await newPage();
    const keys = [];
    let release;
    const queuedPageSeen = new Promise((resolve) => { release = resolve; });
    // context.route also sees the service worker's requests (Background Sync). Every retry
    // waits until the test has seen the queued page.
    await context.route('**/api/v1/submissions', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length === 1) return route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"title":"Internal Server Error","status":500}' });
      await queuedPageSeen;
      return route.continue();
    });
    const before = await server.count();
    await fillForm(page, fixture('owner'));
    await submit(page);
    assert.match(page.url(), /\/queued$/);
    await expectAccessible(page, 'queued');
    await screenshot(page, 'queued-after-500');
    release();
    await page.waitForURL(/#\/sent\//, { timeout: 120000 });
    assert.ok(keys.length >= 2);
    assert.equal(new Set(keys).size, 1, 'every attempt carries the same idempotency key');
    assert.equal(await server.count(), before + 1);
    await closeContext(context);
  });

  test('the same draft in two tabs produces one submission', async () => {
    const { context, page } = await newPage();
    await fillForm(page, fixture('owner'));
    const second = await context.newPage();
    await second.goto(page.url());
    await ready(second);
    const before = await server.count();
    // Both tabs press Send in the same instant. (A tab whose draft the other one has sent
    // meanwhile has left the page: that is the app working, so nothing waits for its button.)
    await Promise.all([page, second].map((tab) => tab.evaluate(() => document.getElementById('submit')?.click())));
    // Both tabs reach the sign step of the one sealed envelope, with one signing request.
    const phones = await Promise.all([page, second].map(async (tab) => (await tab.waitForSelector('#sign-phone')).getAttribute('href')));
    assert.equal(phones[0], phones[1], 'one signing request for both tabs');
    assert.equal(await signOnPhone(page, fixture('owner')), 'signed');
    await Promise.any([page, second].map((tab) => tab.waitForURL(/#\/sent\//, { timeout: 120000 })));
    for (const tab of [page, second]) await tab.waitForFunction(() => !location.hash.endsWith('/check'));
    await until(async () => (await page.evaluate(storeCount, 'outbox')) === 0, 'the outbox to empty');
    assert.equal(await server.count(), before + 1);
    const ids = await Promise.all([page, second].map((p) => p.evaluate(() => location.hash)));
    const sent = ids.filter((hash) => hash.startsWith('#/sent/'));
    assert.ok(sent.length >= 1, `tabs ended on ${ids}`);
    assert.equal(new Set(sent).size, 1);
    await closeContext(context);
  });

  test('offline: fill, reload, the draft is restored from IndexedDB and the app from the service worker', async () => {
    const { context, page } = await controlledPage();
    await context.setOffline(true);
    await start(page);
    await fillStep(page, fixture('owner'));
    await continueStep(page);
    const at = page.url();
    await page.reload();
    await ready(page);
    assert.equal(page.url(), at);
    await page.goBack();
    await page.waitForSelector('#step-form');
    const checked = await page.$$eval('#step-form input:checked, #step-form input[type=text]', (inputs) => inputs.filter((i) => i.checked || i.value).length);
    assert.ok(checked > 0, 'answers restored');
    await page.click('a[href="#/applications"]');
    await page.waitForSelector('#apps-drafts');
    await expectAccessible(page, 'applications offline');
    await screenshot(page, 'offline-drafts');
    await closeContext(context);
  });

  test('a tab closed right after a keystroke keeps every keystroke', async () => {
    const { context, page } = await newPage();
    await start(page);
    await fillStep(page, fixture('owner'));
    await continueStep(page);
    const at = page.url();
    await page.locator('#f-name').pressSequentially('Иван Петров 7А');
    await page.close();
    const again = await context.newPage();
    await again.goto(at);
    await ready(again);
    assert.equal(await again.inputValue('#f-name'), 'Иван Петров 7А');
  });

  test('signing needs a connection; signed, then cut off while sending: after a reload sent once, with the same signature', async () => {
    const { context, page } = await controlledPage();
    const before = await server.count();
    await context.setOffline(true);
    await fillForm(page, fixture('owner'));
    await page.click('#submit');
    await page.waitForSelector('#sign-offline');
    assert.match(page.url(), /\/check$/, 'the draft stays open');
    assert.equal(await page.evaluate(storeCount, 'outbox'), 0, 'nothing sealed');
    await screenshot(page, 'offline-sign');
    await context.setOffline(false);
    await page.waitForFunction(() => navigator.onLine);
    // The connection drops whenever the declaration is sent, until the test restores it.
    const attempts = [];
    let connected = false;
    await context.route('**/api/v1/submissions', (route) => {
      const headers = route.request().headers();
      attempts.push(`${headers['idempotency-key']} ${headers['signature-request']}`);
      return connected ? route.continue() : route.abort('internetdisconnected');
    });
    await submit(page);
    assert.match(page.url(), /\/queued$/);
    await page.close();
    assert.equal(await server.count(), before);
    connected = true;
    const again = await context.newPage();
    await again.goto(server.base);
    await ready(again);
    await until(async () => (await again.evaluate(storeCount, 'outbox')) === 0, 'the outbox to empty');
    assert.equal(await server.count(), before + 1);
    assert.equal(await again.evaluate(storeCount, 'drafts'), 0, 'the draft is cleared after delivery');
    assert.ok(attempts.length >= 2, attempts.join('; '));
    assert.equal(new Set(attempts).size, 1, `every attempt: the same key and signing request (${attempts.join('; ')})`);
    assert.doesNotMatch(attempts[0], / undefined$/);
    await closeContext(context);
  });

  test('on a phone the citizen signs: a refusal is said and signed again, and the receipt names the certificate', async () => {
    const context = await newContext({ serviceWorkers: 'allow', viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(server.base);
    await ready(page);
    const owner = fixture('owner');
    await fillForm(page, owner);
    assert.match(await page.innerText('#sign-next'), /квалифицирания си електронен подпис/);
    const before = await server.count();
    await page.click('#submit');
    await page.waitForSelector('#sign-state[data-state="pending"]');
    assert.match(page.url(), /\/sign$/);
    const code = await page.innerText('#sign-code');
    assert.match(code, /^[0-9A-F]{4}-[0-9A-F]{4}$/);
    await expectAccessible(page, 'sign step');
    await screenshot(page, 'sign-pending-phone');

    assert.equal(await signOnPhone(page, owner, { refuse: true }), 'refused');
    await page.waitForSelector('#sign-state[data-state="refused"]');
    assert.match(await page.innerText('main'), /Подписването беше отказано на телефона\. Нищо не е изпратено\./);
    await expectAccessible(page, 'sign step refused');
    await switchLanguage(page, 'en');
    assert.match(await page.innerText('main'), /The signing was refused on your phone\. Nothing has been sent\.[\s\S]*Sign again/);
    await switchLanguage(page, 'bg');
    assert.equal(await server.count(), before, 'nothing sent');

    await page.click('#sign-again');
    await page.waitForSelector('#sign-state[data-state="pending"]');
    assert.equal(await page.innerText('#sign-code'), code, 'the same sealed declaration');
    assert.equal(await signOnPhone(page, owner), 'signed');
    await page.waitForURL(/#\/sent\//);
    await settled(page);
    assert.equal(await page.getAttribute('#receipt-verification', 'data-verified'), 'true');
    assert.match(await page.innerText('#signed-with'),
      /^Подписано със сертификат Георги Иванов Петров, сериен номер \S+, издател civickit development signing CA$/);
    await expectAccessible(page, 'receipt signed');
    await screenshot(page, 'sent-signed-phone');
    assert.equal(await server.count(), before + 1);
  });

  test('public computer: nothing is kept in the browser', async () => {
    const { context, page } = await newPage();
    await page.check('#public-computer');
    await fillForm(page, fixture('owner'));
    await submit(page);
    assert.match(page.url(), /#\/sent\//);
    for (const store of ['drafts', 'outbox', 'receipts']) assert.equal(await page.evaluate(storeCount, store), 0, store);
    await closeContext(context);
  });

  test('a draft made on an older version of the form is flagged for review', async () => {
    const { context, page } = await newPage();
    await page.evaluate(async () => {
      const request = indexedDB.open('civickit');
      const db = await new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
      const now = new Date().toISOString();
      db.transaction('drafts', 'readwrite').objectStore('drafts').put({
        id: '0123456789abcdef', formId: 'address_change', formVersion: 0, answers: { address_kind: 'permanent' },
        createdAt: now, updatedAt: now,
      });
      db.close();
    });
    await page.goto(`${server.base}/#/form/0123456789abcdef/service`);
    await ready(page);
    assert.match(await page.innerText('.warning-text'), /предишна версия/);
    await closeContext(context);
  });

  test('a tampered request is rejected by the server and its report shown', async () => {
    const { context, page } = await newPage();
    await page.route('**/api/v1/submissions', async (route) => {
      const envelope = await tamper(JSON.parse(route.request().postData()));
      return route.continue({ postData: JSON.stringify(envelope) });
    });
    const before = await server.count();
    await fillForm(page, fixture('owner'));
    await submit(page);
    assert.match(page.url(), /#\/applications$/);
    await page.waitForSelector('.failure[data-status="422"] .failure__errors li');
    await expectAccessible(page, 'failure');
    await screenshot(page, 'tampered-rejected');
    assert.equal(await server.count(), before);
    await closeContext(context);
  });
});
