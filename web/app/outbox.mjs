// The outbox: sealed envelopes waiting to reach the server. Used by the page (on start, on
// `online`, on a timer) and by the service worker (Background Sync), so it imports nothing
// that needs a document.
//
// An item leaves the queue only when the server has answered for good: 2xx (delivered: the
// receipt is kept, the draft deleted) or a terminal 4xx (409 other content under the same
// key, 422 invalid answers, and the other client errors that a retry cannot fix) — then it
// stays in the store as a failure the citizen sees. A 5xx, 408, 429, a timeout or a network
// error keeps it, retried with exponential backoff. The server's idempotency (the envelope's
// idempotency id, fixed when the draft was sealed) makes a repeated delivery harmless.
//
// An item whose answers attach files sends them first (uploads.mjs: resumable, only what the
// server lacks); the same rules decide whether a refused upload waits or fails.
//
// An item whose form must be signed (docs/signing.md) is queued in the state 'signing': no
// drain sends it until the citizen has signed its content hash (signing.mjs), which makes it
// 'pending' with the signing request it is then always sent with (`Signature-Request`).
import { sendUploads } from './uploads.mjs';

export const CHANNEL = 'civickit';
export const SYNC_TAG = 'civic-outbox';
const TIMEOUT_MS = 20000;
const RETRYABLE = new Set([408, 425, 429]);

/** Seconds before attempt n+1 after n failed attempts: 2, 4, 8, ... at most 5 minutes. */
export function backoffSeconds(attempts) {
  return Math.min(2 ** attempts, 300);
}

/**
 * Sends every pending item that is due (all of them when `force`). One drain at a time across
 * tabs and the service worker (Web Locks where available). Returns the outcomes.
 * `onProgress({ item, upload, sent, total })` follows the chunks of the files being sent.
 */
export async function drainOutbox(store, { force = false, now = () => Date.now(), onProgress = () => {} } = {}) {
  const locks = globalThis.navigator?.locks;
  const drain = () => drainUnlocked(store, force, now, onProgress);
  return locks ? locks.request('civic-outbox-drain', drain) : drain();
}

async function drainUnlocked(store, force, now, onProgress) {
  const outcomes = [];
  const items = (await store.all('outbox')).filter((item) => item.state === 'pending');
  items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  for (const item of items) {
    if (!force && item.nextAttemptAt > now()) continue;
    outcomes.push(await deliver(store, item, now, onProgress));
  }
  if (outcomes.length) announce({ type: 'outbox-changed' });
  return outcomes;
}

async function deliver(store, item, now, onProgress) {
  let response;
  let body = null;
  try {
    const files = await sendUploads(store, item.uploads ?? [], {
      timeoutMs: TIMEOUT_MS, onChunk: (chunk) => onProgress({ item: item.id, ...chunk }),
    });
    if (!files.ok) return refused(store, item, now, files.response.status, files.body);
    const { url, headers } = request(item);
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(item.envelope),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    body = await response.json().catch(() => null);
  } catch (error) {
    return retryLater(store, item, now, { kind: 'network', detail: String(error?.name ?? error) });
  }
  if (response.ok && body?.receipt) {
    const record = {
      submission_id: body.receipt.submission_id, receipt: body.receipt, draftId: item.draftId,
      formTitle: item.formTitle, formId: item.formId, envelopeHash: item.envelope.content_hash, sentAt: new Date(now()).toISOString(),
      formVersion: item.envelope.form.version, answers: item.answers ?? null, corrects: item.corrects?.id ?? null,
    };
    await store.delivered(item.id, record);
    announce({ type: 'sent', draftId: item.draftId, submissionId: record.submission_id });
    return { id: item.id, outcome: 'sent', record };
  }
  return refused(store, item, now, response.status, body);
}

// Not delivered: a server error, a rate limit or a 2xx without a receipt waits; any other
// client error fails for good and is shown.
async function refused(store, item, now, status, body) {
  if (status >= 500 || RETRYABLE.has(status) || status < 300) {
    return retryLater(store, item, now, { kind: 'server', status });
  }
  const failed = { ...item, state: 'failed', status, problem: body, failedAt: new Date(now()).toISOString() };
  await store.put('outbox', failed);
  return { id: item.id, outcome: 'failed', item: failed };
}

async function retryLater(store, item, now, lastError) {
  const attempts = item.attempts + 1;
  const kept = { ...item, attempts, lastError, nextAttemptAt: now() + backoffSeconds(attempts) * 1000 };
  await store.put('outbox', kept);
  return { id: item.id, outcome: 'kept', item: kept };
}

function announce(message) {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(message);
  channel.close();
}

/**
 * A new outbox item for a sealed envelope of form `formId`. `uploads` lists the ids of the
 * sealed files its answers attach (sent before the envelope). `answers` (kept with the
 * receipt, so that a request for a correction can start from them; null on a public computer)
 * and `corrects` ({ id, token } of the declaration this one corrects) are optional. With
 * `sign`, the item waits for the citizen's signature ('signing') before it is sent.
 */
export function outboxItem(envelope, draftId, formTitle, formId, { answers = null, corrects = null, uploads = [], sign = false } = {}, now = Date.now()) {
  return {
    id: envelope.idempotency_id, draftId, formTitle, formId, envelope, state: sign ? 'signing' : 'pending', attempts: 0,
    nextAttemptAt: now, queuedAt: new Date(now).toISOString(), answers, corrects, uploads,
  };
}

// Where an item is sent: a correction names the declaration it corrects and proves it holds
// that one's status code; a signed declaration names its signing request.
function request(item) {
  const url = new URL('/api/v1/submissions', globalThis.location.origin);
  const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': item.envelope.idempotency_id };
  if (item.signatureRequest) headers['Signature-Request'] = item.signatureRequest;
  if (item.corrects) {
    url.searchParams.set('corrects', item.corrects.id);
    headers.Authorization = `Bearer ${item.corrects.token}`;
  }
  return { url, headers };
}
