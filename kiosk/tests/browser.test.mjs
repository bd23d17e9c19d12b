// The browser build of civic-kiosk (build/wasm/kiosk/site), served by civic-server at
// /kiosk/ under its strict Content-Security-Policy, in Debian's Chromium (WebGL 2 on
// SwiftShader): the operator console and the self-service kiosk start, load the profile
// from the server, draw, and break no CSP rule; an operator signs in from the keyboard and the
// queue loads through Emscripten's fetch with the session's token. Screenshots go to
// build/e2e-artifacts/.
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

/** Two animation frames: the kiosk's main loop has drawn at least one frame since. */
function twoFrames(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

// Where the sign-in's password field and button are drawn in the 1280×800 console (18 px font,
// Dear ImGui's default style). A click is never lost between frames (the GLFW backend keeps
// it); a key pressed and released between two frames would be (Dear ImGui 1.86 reads keys as
// held in a frame), and a key held over slow frames repeats: so the test types characters,
// which are queued, and clicks the rest.
const PASSWORD_FIELD = { x: 300, y: 74 };
const SIGN_IN_BUTTON = { x: 50, y: 102 };

test('an operator types the name at once, signs in and the queue loads with the token', async () => {
  const page = await open('/kiosk/', 'login');
  const calls = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/operator/')) {
      calls.push({ method: request.method(), path: new URL(request.url()).pathname, authorization: request.headers().authorization });
    }
  });
  const queue = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/operator/queue');
  // The user field has the keyboard from the start: no click needed.
  await page.waitForSelector('body[data-text-input="true"]');
  await page.keyboard.type(server.operator.username);
  await twoFrames(page);  // each input is drawn before the next: the field it goes to is active
  await page.mouse.click(PASSWORD_FIELD.x, PASSWORD_FIELD.y);
  await twoFrames(page);
  await page.keyboard.type(server.operator.password);
  await twoFrames(page);
  await page.mouse.click(SIGN_IN_BUTTON.x, SIGN_IN_BUTTON.y);
  await page.waitForSelector('body[data-screen="queue"]');
  const answer = await queue;
  assert.equal(answer.status(), 200);
  assert.ok(Array.isArray((await answer.json()).items));
  const [login, list] = calls;
  assert.deepEqual([login.method, login.path, login.authorization], ['POST', '/api/v1/operator/login', undefined]);
  assert.equal(list.method, 'GET');
  assert.match(list.authorization, /^Bearer \S+$/);
  await twoFrames(page);
  await screenshot(page, 'kiosk-browser-queue');
  await page.close();
});
