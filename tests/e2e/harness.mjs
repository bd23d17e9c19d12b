// Browser side of the e2e tests: Debian's Chromium driven by playwright-core, axe-core on
// every page, screenshots under build/e2e-artifacts/, and a citizen who fills in any form
// the profile defines (driven by the page's markup, not by a script per form).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const root = resolve(import.meta.dirname, '../..');
export const artifacts = join(root, 'build/e2e-artifacts');
/** The files the profile fixtures attach (their file answers name them). */
export const fixtures = join(root, 'tests/e2e/fixtures');
// Evaluated through the DevTools protocol, which the app's Content-Security-Policy (no inline
// scripts) does not govern: the pages are tested under the policy civic-server sends.
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// webgl: WebGL 2 on SwiftShader (software), for the browser kiosk's canvas.
export async function launch({ webgl = false } = {}) {
  mkdirSync(artifacts, { recursive: true });
  // playwright-core starts Chromium with a fresh temporary profile (--user-data-dir) itself;
  // each test then works in its own new context (empty storage, caches, service workers).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      ...(webgl ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : [])],
  });
  return { browser, close: () => browser.close() };
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA) on the page; throws listing every violation. */
export async function expectAccessible(page, name) {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const result = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  }, WCAG);
  if (violations.length) throw new Error(`axe on ${name}:\n  ${violations.join('\n  ')}`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Waits until the app has booted and rendered a page (its h1). */
export async function ready(page) {
  await page.waitForSelector('body[data-ready="true"]');
  await settled(page);
}

/**
 * Waits until the page on screen is the one of the current URL, in the current language:
 * the app marks <main> with the route and language it rendered, so a test never acts on the
 * page it is leaving.
 */
export async function settled(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main?.dataset.route === location.hash && main.dataset.lang === document.documentElement.lang;
  });
  await page.waitForSelector('main h1');
}

/** Switches the app's language with its header button and waits for the page to show it. */
export async function switchLanguage(page, lang) {
  await page.click('#language');
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
  await settled(page);
}

/** The value at a JSON pointer of an answers object. */
function valueAt(answers, pointer) {
  return pointer.split('/').slice(1).reduce((value, token) => (value == null ? undefined : value[token]), answers);
}

/**
 * Fills the current step as a citizen would, with the answers of a profile fixture
 * (tests/profile/sofia/<user type>.json): every visible field by the type the page renders.
 */
export async function fillStep(page, answers) {
  await fillGroups(page, '#step-form', answers);
}

// Fields appear as answers are given (visible_if) and repeat items as they are added: fill
// until a pass finds nothing new.
async function fillGroups(page, scope, answers) {
  const done = new Set();
  for (;;) {
    const pointers = await page.$$eval(`${scope} [data-pointer]:not([hidden])`, (groups) => groups.map((g) => g.dataset.pointer));
    const todo = pointers.filter((p) => !done.has(p));
    if (!todo.length) return;
    for (const pointer of todo) {
      done.add(pointer);
      const group = await page.$(`[data-pointer="${pointer}"]`);
      if (!group || !(await group.isVisible())) continue;
      const value = valueAt(answers, pointer);
      if (value === undefined || value === null) continue;
      await fillField(page, group, pointer, await group.getAttribute('data-type'), value);
    }
  }
}

async function fillField(page, group, pointer, type, value) {
  switch (type) {
    case 'choice':
      return group.$(`input[value="${value}"]`).then((input) => input.check());
    case 'multi_choice':
      for (const v of value) await (await group.$(`input[value="${v}"]`)).check();
      return;
    case 'consent':
      return value ? (await group.$('input[type=checkbox]')).check() : undefined;
    case 'address':
      return fillAddress(page, pointer, value);
    case 'repeat':
      for (let i = 0; i < value.length; i++) {
        if (!(await page.$(`[data-pointer="${pointer}/${i}/${Object.keys(value[i])[0]}"]`))) {
          await page.click(`[data-pointer="${pointer}"] > .fieldset > button:last-of-type`);
          await page.waitForSelector(`[data-pointer="${pointer}/${i}/${Object.keys(value[i])[0]}"]`);
        }
      }
      return; // the items' fields are [data-pointer] groups too: filled by the caller's loop
    case 'group':
      return;
    case 'file': {
      const refused = await attachFiles(page, pointer, value.map((file) => join(fixtures, file.name)));
      if (refused) throw new Error(`file refused: ${refused}`);
      return;
    }
    default: {
      const input = await group.$('input');
      if ((await input.inputValue()) !== String(value)) await input.fill(String(value));
    }
  }
}

// The address through the autocomplete (street or block chosen from the register with the
// keyboard), then the parts the suggestion does not know.
async function fillAddress(page, pointer, address) {
  const scope = `[data-pointer="${pointer}"]`;
  const box = page.locator(`${scope} [role=combobox]`);
  await box.fill('');
  const wanted = address.street ?? [address.complex, `бл. ${address.block}`].filter(Boolean).join(' ');
  await box.pressSequentially(wanted, { delay: 10 });
  const options = `${scope} [role=listbox]:not([hidden]) [role=option]`;
  await page.waitForSelector(options);
  // The option of this very street or block (the list may start with namesakes elsewhere).
  const labels = await page.$$eval(options, (items) => items.map((item) => item.firstChild.textContent));
  const index = labels.findIndex((label) => (address.street ? label.endsWith(address.street)
    : label.endsWith(`бл. ${address.block}`) && (!address.complex || label.startsWith(address.complex))));
  for (let i = 0; i <= Math.max(index, 0); i++) await box.press('ArrowDown');
  await box.press('Enter');
  // Choosing re-renders the step: look every part up again.
  for (const [name, value] of Object.entries(address)) {
    const input = page.locator(`${scope} .address__${name} input`);
    if ((await input.count()) && (await input.inputValue()) !== value) await input.fill(value);
  }
  if (address.settlement) await page.selectOption(`${scope} select`, address.settlement);
}

/**
 * Attaches files (paths, or {name, mimeType, buffer}) to a file field one by one through its
 * file input (`replace`: the input replacing item N), waiting after each until the page has
 * checked and sealed it (<main data-attaching> is gone). → the error summary's text, or null.
 */
export async function attachFiles(page, pointer, files, { replace = null } = {}) {
  const input = replace === null ? 'input[type=file]:not([hidden])' : `input[type=file][id$="-replace-${replace}"]`;
  for (const file of files) {
    await page.setInputFiles(`[data-pointer="${pointer}"] ${input}`, file);
    await page.waitForFunction(() => !document.getElementById('main').dataset.attaching);
    await settled(page);
  }
  const summary = await page.$('.error-summary');
  return summary && summary.innerText();
}

/** Clicks Continue and fails with the page's error summary if the step did not pass. */
export async function continueStep(page) {
  const before = page.url();
  await page.click('#continue');
  await page.waitForFunction((url) => document.querySelector('.error-summary')
    || (location.href !== url && document.getElementById('main').dataset.route === location.hash), before);
  const summary = await page.$('.error-summary');
  if (summary) throw new Error(`step refused: ${await summary.innerText()}`);
}

/**
 * Clicks Start and waits for the form's first step; from the catalogue (the app's start page),
 * first opens the start page of the service of form `formId`.
 */
export async function start(page, formId = 'address_change') {
  if (await page.$('#services')) {
    await page.click(`[data-service="${formId}"] h3 a`);
    await settled(page);
  }
  await page.click('#start');
  await page.waitForURL(/#\/form\//);
  await settled(page);
}

/** From the start page to "Check your answers", checking every page with axe on the way. */
export async function fillForm(page, answers, { axe = false, shots = null } = {}) {
  await start(page);
  for (let n = 1; n < 30; n++) {
    await settled(page);
    if (/\/(check|not-eligible)$/.test(page.url())) return;
    await fillStep(page, answers);
    if (axe) await expectAccessible(page, `step ${n}`);
    if (shots) await screenshot(page, `${shots}-step-${n}`);
    await continueStep(page);
  }
  throw new Error('the form never reached its end');
}

/**
 * Sends the declaration from "Check your answers" and waits for the page that follows. A form
 * that asks for a qualified e-signature is signed on the way (signOnPhone) as `answers`'
 * applicant; the page then sends it by itself and leaves the sign step.
 */
export async function sendDeclaration(page, answers) {
  await page.click('#submit');
  // Offline, a form that is signed stays on the page and says it needs a connection.
  await page.waitForFunction(() => !location.hash.endsWith('/check') || (!navigator.onLine && document.getElementById('sign-offline')));
  await settled(page);
  if (!page.url().endsWith('/sign')) return;
  await signOnPhone(page, answers);
  await page.waitForFunction(() => !location.hash.endsWith('/sign'));
  await settled(page);
}

/**
 * On the sign step: opens the development provider's "phone" (/dev/sign/<request>, the page's
 * link) in a second page of the same context, types the applicant's name and personal number
 * from `answers` and confirms (or, with `refuse`, refuses). → the state the phone then shows.
 */
export async function signOnPhone(page, answers, { refuse = false } = {}) {
  const link = await page.waitForSelector('#sign-phone');
  const phone = await page.context().newPage();
  try {
    await phone.goto(new URL(await link.getAttribute('href'), page.url()).href);
    await phone.fill('#name', answers.name);
    await phone.fill('#personal_number', answers.id_type === 'lnch' ? answers.lnch : answers.egn);
    await phone.click(refuse ? '#refuse' : '#confirm');
    return await phone.innerText('#state');
  } finally {
    await phone.close();
  }
}

/** A user type's valid answers (tests/profile/sofia/<type>.json). */
export function fixture(type) {
  return JSON.parse(readFileSync(join(root, 'tests/profile/sofia', `${type}.json`), 'utf8'));
}

export const USER_TYPES = ['owner', 'resident', 'parent', 'representative', 'foreigner'];

/**
 * Browser contexts that are closed after each test of the file, passed or failed (a failed
 * test's outbox must not deliver into the next test's counts). `browser()` gives the launched
 * browser (it is launched in a `before`); the result opens a context (locale bg-BG unless
 * `options` say otherwise).
 */
export function contextsClosedAfterEach(browser) {
  const open = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => closeContext(context).catch(() => {})));
  });
  return async (options = {}) => {
    const context = await browser().browser.newContext({ locale: 'bg-BG', ...options });
    open.push(context);
    return context;
  };
}

// Closes a context after dropping its routes: a route handler still at work when the context
// closes (the app refreshing its profile as the test ends) must not fail a test that passed.
export async function closeContext(context) {
  for (const page of context.pages()) await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
}
