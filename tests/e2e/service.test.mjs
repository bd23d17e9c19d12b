// End-to-end: the whole address-registration service for one tenant, on a phone-sized screen,
// in Debian's Chromium against a real civic-server (development signing and payment
// providers): the catalogue, the declaration with the owner's consent attached, the qualified
// signature on the "phone", the fee, a correction the district asks for, the approval and the
// certificate checked on the device. axe must find nothing on any page on the way.
//   node --test tests/e2e/service.test.mjs     (CIVIC_WEB, CIVIC_SERVER as app.test.mjs)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { contextsClosedAfterEach, continueStep, expectAccessible, fillForm, fillStep, fixture, fixtures, launch, ready, root, screenshot, settled, signOnPhone } from './harness.mjs';
import { startServer } from './server.mjs';

const web = process.env.CIVIC_WEB ?? join(root, 'build/web');
const PHONE = { width: 375, height: 740 };
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

/** "Send" on "Check your answers", then signing on the phone, checked with axe; → the reference. */
async function sendSigned(page, answers, name) {
  await page.click('#submit');
  await page.waitForSelector('#sign-phone');
  await settled(page);
  await expectAccessible(page, `${name}: sign step`);
  assert.match(await signOnPhone(page, answers), /./);
  await page.waitForFunction(() => location.hash.startsWith('#/sent/'));
  await page.waitForSelector('#receipt-verification[data-verified="true"]');
  await settled(page);
  assert.match(await page.innerText('#signed-with'), new RegExp(answers.name), 'the receipt names the signer\'s certificate');
  await expectAccessible(page, `${name}: receipt`);
  return page.getAttribute('#reference', 'data-reference');
}

/** The status page of the declaration this device sent last, looked up. */
async function checkStatus(page, reference) {
  await page.goto(`${server.base}#/status/${reference}`);
  await ready(page);
  await page.click('#check-status');
  await page.waitForSelector('#status-result');
  await settled(page);
}

/** The files the operator API lists for a submission, by name. */
async function operatorFiles(reference) {
  const list = await server.download(`/api/v1/operator/submissions/${reference}/files`);
  assert.equal(list.status, 200, list.bytes.toString());
  return new Map(JSON.parse(list.bytes.toString()).files.map((file) => [file.name, file]));
}

describe('the whole service', () => {
  test('a tenant: consent attached, signed, paid, corrected, approved, certificate verified — on a phone', async () => {
    const context = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true, serviceWorkers: 'allow' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(server.base);
    await ready(page);
    await expectAccessible(page, 'catalogue');

    // The declaration: a tenant (resident) with the owner's notarised consent and the tenancy agreement.
    const tenant = fixture('resident');
    await fillForm(page, tenant, { axe: true });
    await expectAccessible(page, 'check');
    const first = await sendSigned(page, tenant, 'first declaration');
    assert.deepEqual([...(await operatorFiles(first)).keys()].sort(), ['consent-declaration.pdf', 'tenancy-agreement.pdf']);

    // The fee, at the development bank.
    await page.click('a[href^="#/status/"]');
    await page.click('#check-status');
    await page.waitForSelector('#pay-fee');
    await expectAccessible(page, 'status received');
    await page.click('#pay-fee');
    await page.waitForSelector('#amount');
    await expectAccessible(page, 'development bank');
    await page.click('#pay');
    await page.waitForURL(/#\/status\//);
    await ready(page);
    await page.click('#check-status');
    await page.waitForSelector('#payment-state[data-state="paid"]');

    // The district asks for the consent declaration again (say, an unsigned copy was scanned).
    await server.decide(first, {
      status: 'needs_correction',
      reason: { bg: 'Приложете подписаната декларация за съгласие', en: 'Attach the signed declaration of consent' },
      missing: ['consent_files'],
    });
    await checkStatus(page, first);
    await page.waitForSelector('#status-missing');
    assert.match(await page.innerText('#status-result'), /Приложете подписаната декларация за съгласие/);
    await expectAccessible(page, 'status needs correction');

    // The correction starts from what this device sent; files are attached anew.
    await page.click('#start-correction');
    await page.waitForFunction(() => location.hash.endsWith('/check'));
    await settled(page);
    await page.click('a[href*="/documents_step"]');
    await page.waitForFunction(() => location.hash.includes('/documents_step'));
    await settled(page);
    await fillStep(page, tenant);
    await expectAccessible(page, 'correction: documents');
    await continueStep(page);
    await settled(page);
    assert.match(page.url(), /\/check$/);
    const corrected = await sendSigned(page, tenant, 'correction');
    assert.notEqual(corrected, first);
    const files = await operatorFiles(corrected);
    assert.deepEqual([...files.keys()].sort(), ['consent-declaration.pdf', 'tenancy-agreement.pdf']);
    const consent = await server.download(`/api/v1/operator/submissions/${corrected}/files/${files.get('consent-declaration.pdf').index}`);
    assert.equal(consent.status, 200);
    assert.ok(consent.bytes.equals(readFileSync(join(fixtures, 'consent-declaration.pdf'))), 'the operator reads the bytes the citizen chose');

    // The first declaration says it was corrected; the district approves the correction.
    await checkStatus(page, first);
    assert.equal(await page.innerText('#status-corrected-by'), corrected);
    await server.decide(corrected, { status: 'approved' });
    await checkStatus(page, corrected);
    await page.waitForSelector('#get-certificate');
    await expectAccessible(page, 'status approved');

    // The certificate, downloaded with the reference and status code and checked on the device.
    await page.click('#get-certificate');
    await page.waitForSelector('#certificate-verification');
    assert.equal(await page.getAttribute('#certificate-verification', 'data-verified'), 'true');
    assert.equal((await page.innerText('#certificate-reference')).replaceAll('-', ''), corrected);
    const text = await page.innerText('main');
    assert.match(text, /Удостоверение за адресна регистрация/);
    assert.match(text, /Гео Милев/);
    await expectAccessible(page, 'certificate');
    await screenshot(page, 'service-certificate-phone');
  });
});
