// Browser side of the e2e tests: Debian's Chromium driven by playwright-core, axe-core on
// every page, screenshots under build/e2e-artifacts/, and a citizen who fills in any form
// the profile defines (driven by the page's markup, not by a script per form).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const root = resolve(import.meta.dirname, '../..');
export const artifacts = join(root, 'build/e2e-artifacts');
const AXE = require.resolve('axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function launch() {
  mkdirSync(artifacts, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'civic-chromium-'));
  // A persistent context would share one profile; each test gets fresh contexts instead.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', `--user-data-dir=${profileDir}`],
  });
  return { browser, close: async () => { await browser.close(); rmSync(profileDir, { recursive: true, force: true }); } };
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA) on the page; throws listing every violation. */
export async function expectAccessible(page, name) {
  await page.addScriptTag({ path: AXE });
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
  await page.waitForSelector('main h1');
}

// A valid EGN for a birth date (the check digit of civic/identity.hpp's weights).
export function egnFor(year, month, day, serial = '123') {
  const mm = year >= 2000 ? month + 40 : month;
  const digits = `${String(year % 100).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(day).padStart(2, '0')}${serial}`;
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i], 0) % 11;
  return digits + String(sum === 10 ? 0 : sum);
}

/** A street with a house number from a live district of the profile's register. */
export function registeredStreet(bundle) {
  for (const district of bundle.register ?? []) {
    const street = (district.streets ?? []).find((s) => s.numbers?.length);
    if (street) return { name: street.name, number: street.numbers[0] };
  }
  throw new Error('no street with numbers in the profile register');
}

/**
 * Fills the current step like a citizen would: every visible field by its type. `choices`
 * maps a field pointer to the option to pick (default: the first). Returns after Continue.
 */
export async function fillStep(page, { bundle, choices = {}, values = {} }) {
  const groups = await page.$$('#step-form > .form-group[data-pointer]:not([hidden])');
  for (const group of groups) {
    const pointer = await group.getAttribute('data-pointer');
    const type = await group.getAttribute('data-type');
    await fillField(page, group, pointer, type, { bundle, choice: choices[pointer], value: values[pointer] });
  }
}

async function fillField(page, group, pointer, type, { bundle, choice, value }) {
  const input = await group.$('input:not([type=radio]):not([type=checkbox]), select');
  switch (type) {
    case 'choice':
    case 'multi_choice': {
      const option = choice ? await group.$(`input[value="${choice}"]`) : await group.$('input');
      if (!(await option.isChecked())) await option.check();
      return;
    }
    case 'consent':
      return (await group.$('input[type=checkbox]')).check();
    case 'address': {
      const street = registeredStreet(bundle);
      const box = await group.$('[role=combobox]');
      await box.fill('');
      await box.type(street.name.slice(0, 6));
      await page.waitForSelector(`#${await box.getAttribute('aria-controls')}:not([hidden]) [role=option]`);
      await box.press('ArrowDown');
      await box.press('Enter');
      const number = await group.$('.address__number input');
      await number.fill(street.number);
      return;
    }
    case 'group':
    case 'repeat':
      throw new Error(`the e2e citizen does not fill ${type} fields yet (${pointer})`);
    default: {
      const current = await input.inputValue();
      if (current && value === undefined) return;
      await input.fill(value ?? defaultValue(type, pointer));
    }
  }
}

function defaultValue(type, pointer) {
  switch (type) {
    case 'egn': return /child/.test(pointer) ? egnFor(2015, 3, 4) : egnFor(1975, 1, 2, '001');
    case 'phone': return '0888 123 456';
    case 'email': return 'ivan.petrov@example.bg';
    case 'number': return '1';
    case 'date': return '2020-01-01';
    default: return 'Иван Петров';
  }
}

/** Clicks Continue and fails with the page's error summary if the step did not pass. */
export async function continueStep(page) {
  const before = page.url();
  await page.click('#continue');
  await page.waitForFunction((url) => location.href !== url || document.querySelector('.error-summary'), before);
  const summary = await page.$('.error-summary');
  if (summary) throw new Error(`step refused: ${await summary.innerText()}`);
}

/** From the start page to "Check your answers", checking every page with axe on the way. */
export async function fillForm(page, { bundle, choices = {}, axe = false, shots = null }) {
  await page.click('#start');
  for (let n = 1; ; n++) {
    await page.waitForSelector('main h1');
    if (page.url().endsWith('/check')) return;
    if (page.url().endsWith('/not-eligible')) return;
    await fillStep(page, { bundle, choices });
    if (axe) await expectAccessible(page, `step ${n}`);
    if (shots) await screenshot(page, `${shots}-step-${n}`);
    await continueStep(page);
  }
}
