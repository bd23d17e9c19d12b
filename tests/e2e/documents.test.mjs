// End-to-end: documents attached to the address change on a phone-sized screen, in Debian's
// Chromium against a real civic-server. The file is checked by its bytes on the device,
// sealed there chunk by chunk into IndexedDB, uploaded resumably before the envelope, and an
// operator downloads exactly the bytes the citizen chose.
//   node --test tests/e2e/documents.test.mjs     (CIVIC_WEB, CIVIC_SERVER as app.test.mjs)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { attachFiles, contextsClosedAfterEach, continueStep, expectAccessible, fillStep, fixture, fixtures, launch, ready, root, screenshot, sendDeclaration, settled, start } from './harness.mjs';
import { startServer } from './server.mjs';

const web = process.env.CIVIC_WEB ?? join(root, 'build/web');
const PHONE = { width: 375, height: 740 };
const CHUNK_BYTES = 262144;
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

// Without the service worker: its Background Sync would resend from where page.route does
// not see (the offline app is app.test.mjs's business).
async function phone() {
  const context = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(server.base);
  await ready(page);
  return page;
}

/** From the start page to the documents step, answering as `answers` says. */
async function toDocuments(page, answers) {
  await start(page);
  while (!page.url().endsWith('/documents_step')) {
    await fillStep(page, answers);
    await continueStep(page);
    await settled(page);
  }
}

/**
 * From the documents step (its files attached by the test) through the rest of the form to
 * "Check your answers", answering the other questions as `answers` says.
 */
async function toCheck(page, answers) {
  const { documents_delivery: _delivery, document_files: _documents, consent_files: _consent, ...others } = answers;
  while (!page.url().endsWith('/check')) {
    await fillStep(page, others);
    await continueStep(page);
    await settled(page);
  }
}

/** The records of the app's IndexedDB stores of sealed files. */
function storedFiles(page) {
  return page.evaluate(async () => {
    const request = indexedDB.open('civickit');
    const db = await new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
    const all = (store) => new Promise((resolve) => {
      const reading = db.transaction(store).objectStore(store).getAll();
      reading.onsuccess = () => resolve(reading.result);
    });
    const [uploads, chunks] = [await all('uploads'), await all('chunks')];
    db.close();
    return { uploads: uploads.map((u) => ({ id: u.id, size: u.size, chunks: u.chunks })), chunks: chunks.map((c) => [c.upload, c.index]) };
  });
}

function fileList(page, pointer) {
  return page.$$eval(`[data-pointer="${pointer}"] .file-list__name`, (names) => names.map((n) => n.textContent));
}

// Sends (and signs, as `answers`' applicant) the declaration on "Check your answers".
const send = sendDeclaration;

/** The files of a stored submission as the operator API serves them, each with its bytes. */
async function operatorFiles(reference) {
  const list = await server.download(`/api/v1/operator/submissions/${reference}/files`);
  assert.equal(list.status, 200, list.bytes.toString());
  const { files } = JSON.parse(list.bytes.toString());
  return Promise.all(files.map(async (file) => ({ ...file, download: await server.download(`/api/v1/operator/submissions/${reference}/files/${file.index}`) })));
}

describe('documents', () => {
  test('a tenant attaches the consent declaration on a phone: a Word file is refused, a reload keeps the files, the operator gets the same bytes', async () => {
    const page = await phone();
    const resident = fixture('resident');
    await toDocuments(page, resident);
    await page.check('[data-pointer="/documents"] input[value="use_document"]');
    await page.check('[data-pointer="/documents_delivery"] input[value="upload"]');

    const refused = await attachFiles(page, '/consent_files', [join(fixtures, 'not-a-pdf.pdf')]);
    assert.match(refused, /Файлът за декларацията за съгласие на собственика трябва да е PDF, JPEG или PNG/);
    assert.deepEqual(await fileList(page, '/consent_files'), []);
    assert.deepEqual((await storedFiles(page)).uploads, [], 'a refused file is not kept');
    await expectAccessible(page, 'documents step, a file refused');

    assert.equal(await attachFiles(page, '/consent_files', [join(fixtures, 'consent-declaration.pdf')]), null);
    assert.equal(await attachFiles(page, '/document_files', [join(fixtures, 'tenancy-agreement.pdf')]), null);
    assert.equal(await attachFiles(page, '/document_files', [join(fixtures, 'tenancy-agreement.png')], { replace: 0 }), null);
    assert.deepEqual(await fileList(page, '/document_files'), ['tenancy-agreement.png']);
    assert.equal(await attachFiles(page, '/document_files', [join(fixtures, 'tenancy-agreement.pdf')]), null);
    await page.click('[data-pointer="/document_files"] .file-list__item:last-child button:has-text("Премахнете")');
    await page.waitForFunction(() => document.querySelectorAll('[data-pointer="/document_files"] .file-list__item').length === 1);
    const kept = await storedFiles(page);
    assert.equal(kept.uploads.length, 2, 'a replaced or removed file leaves the device');
    assert.equal(kept.chunks.length, 2);
    await expectAccessible(page, 'documents step, files attached');
    await screenshot(page, 'documents-phone');

    await page.reload();
    await ready(page);
    assert.deepEqual(await fileList(page, '/consent_files'), ['consent-declaration.pdf']);
    assert.deepEqual(await fileList(page, '/document_files'), ['tenancy-agreement.png']);
    assert.deepEqual(await storedFiles(page), kept);

    await toCheck(page, resident);
    assert.match(await page.innerText('main'), /consent-declaration\.pdf/);
    await send(page, resident);
    assert.match(page.url(), /#\/sent\//);
    assert.equal(await page.getAttribute('#receipt-verification', 'data-verified'), 'true');
    assert.deepEqual(await storedFiles(page), { uploads: [], chunks: [] }, 'delivered files leave the device');

    const reference = await page.getAttribute('#reference', 'data-reference');
    const files = await operatorFiles(reference);
    const expected = { consent_files: 'consent-declaration.pdf', document_files: 'tenancy-agreement.png' };
    assert.deepEqual(files.map((f) => [f.field, f.name]).sort(), Object.entries(expected).sort());
    for (const file of files) {
      assert.equal(file.download.status, 200);
      assert.equal(file.download.type, file.media_type);
      assert.ok(file.download.bytes.equals(readFileSync(join(fixtures, expected[file.field]))), `${file.name}: the bytes chosen`);
    }
  });

  test('an upload cut off mid-way resumes and sends only the chunks the server lacks', async () => {
    const page = await phone();
    // A three-chunk PDF: the fixture, padded by a comment after its end.
    const fixturePdf = readFileSync(join(fixtures, 'consent-declaration.pdf'));
    const scan = Buffer.concat([fixturePdf, Buffer.from(`%${'0'.repeat(2 * CHUNK_BYTES + 1000)}\n`)]);
    const owner = fixture('owner');
    await toDocuments(page, owner);
    await page.check('[data-pointer="/documents"] input[value="title_deed"]');
    await page.check('[data-pointer="/documents_delivery"] input[value="upload"]');
    assert.equal(await attachFiles(page, '/document_files', [{ name: 'title-deed.pdf', mimeType: 'application/pdf', buffer: scan }]), null);
    const [upload] = (await storedFiles(page)).uploads;
    assert.equal(upload.chunks, 3);
    await toCheck(page, owner);

    // The connection is lost whenever chunk 1 is sent, until the test restores it; every
    // chunk that reaches the server is counted.
    const reached = [];
    let connected = false;
    let cut = 0;
    await page.route('**/api/v1/uploads/*/chunks/*', async (route) => {
      const index = Number(route.request().url().split('/').pop());
      if (index === 1 && !connected) {
        cut += 1;
        return route.abort('connectionreset');
      }
      reached.push(index);
      return route.fulfill({ response: await route.fetch() });
    });
    await send(page, owner);
    assert.match(page.url(), /\/queued$/, 'kept to be sent again');
    const held = await (await fetch(`${server.base}/api/v1/uploads/${upload.id}`)).json();
    assert.deepEqual(held.received, [0]);
    assert.equal(held.attached, false);

    connected = true;
    await page.click('#send-now');
    await page.waitForURL(/#\/sent\//);
    await settled(page);
    assert.ok(cut >= 1);
    assert.deepEqual(reached, [0, 1, 2], 'every chunk reached the server once: chunk 0 was never sent again');
    const reference = await page.getAttribute('#reference', 'data-reference');
    const [file] = await operatorFiles(reference);
    assert.equal(file.name, 'title-deed.pdf');
    assert.ok(file.download.bytes.equals(scan), 'the operator gets the bytes chosen');
  });
});
