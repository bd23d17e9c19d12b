// The browser embedding examples (examples/web-egn, examples/worker) loaded in Chromium, with
// the npm package served at /civickit/ as their comments say.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectAccessible, launch, root, screenshot } from './harness.mjs';

const npm = process.env.CIVICKIT_PACKAGE ?? join(root, 'build/wasm/wasm/npm');
const ORIGIN = 'http://civickit.example';
const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
let chromium;

before(async () => { chromium = await launch(); });
after(async () => { await chromium?.close(); });

async function open(path) {
  const page = await chromium.browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    const file = pathname.startsWith('/civickit/') ? join(npm, pathname.slice('/civickit/'.length)) : join(root, pathname);
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'text/plain', body: readFileSync(file) });
  });
  await page.goto(`${ORIGIN}${path}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

describe('examples', () => {
  test('web-egn: an EGN checked as typed, a form validated', async () => {
    const page = await open('/examples/web-egn/index.html');
    await page.fill('#egn', '7501020018');
    assert.match(await page.innerText('#egn-result'), /Valid: born 1975-01-02/);
    await page.fill('#egn', '7501010019');
    assert.match(await page.innerText('#egn-result'), /check digit/);
    await page.fill('#name', 'Иван');
    await page.click('button[type=submit]');
    assert.match(await page.innerText('#form-result'), /telephone/i);
    await expectAccessible(page, 'web-egn');
    await screenshot(page, 'example-web-egn');
    await page.close();
  });

  test('worker: the module runs in a Web Worker', async () => {
    const page = await open('/examples/worker/index.html');
    assert.equal(await page.innerText('#result'), 'Krasna polyana');
    await page.fill('#text', 'София');
    await page.waitForFunction(() => document.getElementById('result').textContent === 'Sofia');
    await expectAccessible(page, 'worker');
    await page.close();
  });
});
