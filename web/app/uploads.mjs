// Sending the sealed files of an outbox item before its envelope (docs/api.md, uploads).
// Used by the outbox in the page and in the service worker, so it needs no document.
//
// Per upload: POST its header (idempotent: the answer lists the chunks the server already
// holds), then PUT only the chunks it lacks, in order. A lost connection stops here and the
// next drain starts again with the POST, so a resumed upload sends exactly what is missing and
// a chunk the server stored is never sent again.

/** The upload ids an envelope's answers name (a file answer carries one per file). */
export function uploadsOf(answers) {
  const ids = [];
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      if (typeof value.upload === 'string' && typeof value.sha256 === 'string') ids.push(value.upload);
      else Object.values(value).forEach(visit);
    }
  };
  visit(answers);
  return ids;
}

/**
 * Sends every upload of `ids` that the server does not hold in full. → { ok: true } or
 * { ok: false, response, body } for the first answer that was not a success; throws on a
 * network error or time-out (the caller keeps the item). `onChunk({ upload, sent, total })`
 * reports each chunk the server now holds.
 */
export async function sendUploads(store, ids, { timeoutMs, onChunk = () => {} }) {
  for (const id of ids) {
    const upload = await store.get('uploads', id);
    if (!upload) return missingLocally();
    const outcome = await sendUpload(store, upload, timeoutMs, onChunk);
    if (!outcome.ok) return outcome;
  }
  return { ok: true };
}

async function sendUpload(store, upload, timeoutMs, onChunk) {
  const created = await call('/api/v1/uploads', timeoutMs, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ header: hex(upload.header), size: upload.size }),
  });
  // Attached: this envelope was delivered before and its answer lost; the POST that follows
  // gets the same receipt.
  if (attached(created)) return { ok: true };
  if (!created.ok) return created;
  const received = new Set(created.body?.received ?? []);
  let sent = received.size;
  for (let index = 0; index < upload.chunks; index++) {
    if (received.has(index)) continue;
    const chunk = await store.get('chunks', [upload.id, index]);
    if (!chunk) return missingLocally();
    const put = await call(`/api/v1/uploads/${upload.id}/chunks/${index}`, timeoutMs, {
      method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: chunk.bytes,
    });
    if (attached(put)) return { ok: true };
    if (!put.ok) return put;
    onChunk({ upload: upload.id, sent: ++sent, total: upload.chunks });
  }
  return { ok: true };
}

function attached({ body }) {
  return Boolean(body?.attached) || (body?.errors ?? []).some((error) => error.code === 'upload.attached');
}

async function call(path, timeoutMs, init) {
  const response = await fetch(new URL(path, globalThis.location.origin), { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const body = await response.json().catch(() => null);
  return { ok: response.ok, response, body };
}

// When this device no longer holds a file it sealed (its storage was cleared): a failure no
// retry can mend, in the server's problem shape so the applications page lists it.
function missingLocally() {
  const status = 410;
  const error = {
    code: 'file.missing_on_device', path: '',
    message: {
      bg: 'Прикачен файл вече не е на това устройство. Отворете заявлението и го прикачете отново',
      en: 'An attached file is no longer on this device. Open the declaration and attach it again',
    },
  };
  return { ok: false, response: { status }, body: { title: 'Gone', status, errors: [error] } };
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
