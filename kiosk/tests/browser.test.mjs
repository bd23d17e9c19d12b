// The browser build of civic-kiosk (build/wasm/kiosk/site), served by civic-server at
// /kiosk/ under its strict Content-Security-Policy, in Debian's Chromium (WebGL 2 on
// SwiftShader): the operator console and the self-service kiosk start, load the profile
// from the server, draw, and break no CSP rule. Screenshots go to build/e2e-artifacts/.
//   CIVIC_KIOSK_SITE  the wasm build's site folder; CIVIC_SERVER  civic-server
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launch, screenshot } from '../../tests/e2e/harness.mjs';
import { startServer } from '../../tests/e2e/server.mjs';

const site = process.env.CIVIC_KIOSK_SITE;
let web;
let server;
let browser;

before(async () => {
  assert.ok(site && existsSync(join(site, 'kiosk.wasm')),
    `the browser kiosk is not built at ${site}: build the wasm preset (make wasm) first`);
  web = mkdtempSync(join(tmpdir(), 'civic-kiosk-web-'));
  cpSync(site, join(web, 'kiosk'), { recursive: true });
  server = await startServer({ web });
  browser = await launch({ webgl: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (web) rmSync(web, { recursive: true, force: true });
});

async function open(path, screen) {
  const page = await browser.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto(`${server.base}${path}`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForSelector(`body[data-screen="${screen}"]`);
  // Two more animation frames: the screen drawn after the state changed.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.deepEqual(problems, []);
  assert.equal(await page.textContent('#status'), '');
  return page;
}

test('the operator console starts at the sign-in', async () => {
  const page = await open('/kiosk/', 'login');
  await screenshot(page, 'kiosk-browser-login');
  await page.close();
});

test('the self-service kiosk starts with the declaration', async () => {
  const page = await open('/kiosk/?mode=kiosk', 'kiosk_form');
  await screenshot(page, 'kiosk-browser-form');
  await page.close();
});
