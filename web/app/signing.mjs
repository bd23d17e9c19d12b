// The qualified e-signature of a sealed declaration (docs/signing.md): the server's signing
// API, and an outbox item's way from 'signing' to 'pending'. What the citizen signs on their
// phone is the envelope's content hash, so the envelope is sealed once, before signing, and
// never again. The item keeps its signing request, so a reload or a second tab follows the
// same request, and once signed it is always sent with the same `Signature-Request`.
const TIMEOUT_MS = 20000;

/**
 * Asks the server for a signing request for the item's declaration, unless the item has one
 * (`replacing`: the refused or expired request to replace; a tab that finds another one
 * already in its place keeps that). One tab asks at a time (Web Lock).
 * → {item} with item.signing {request, short_code, confirm_url, expires_at}, or {item, problem}:
 * 'offline' (no connection), 'unavailable' (this server does not sign: the declaration is
 * received unsigned and signed at the desk) or 'failed' (with the HTTP status).
 */
export async function startSigning(store, itemId, { replacing = null } = {}) {
  const start = async () => {
    const item = await store.get('outbox', itemId);
    if (item?.state !== 'signing' || (item.signing && item.signing.request !== replacing)) return { item };
    let response;
    try {
      response = await fetch('/api/v1/signatures', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ content_hash: item.envelope.content_hash }), signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return { item, problem: 'offline' };
    }
    const body = await response.json().catch(() => null);
    if (response.status === 404 || body?.errors?.[0]?.code === 'signature.unavailable') return { item, problem: 'unavailable' };
    if (response.status !== 201 || !body?.request) return { item, problem: 'failed', status: response.status };
    const signing = { request: body.request, short_code: body.short_code, confirm_url: body.confirm_url ?? '', expires_at: body.expires_at };
    return { item: await store.updateItem(itemId, (stored) => (stored?.state === 'signing' ? { ...stored, signing } : null)) };
  };
  return globalThis.navigator?.locks ? navigator.locks.request(`civic-sign-${itemId}`, start) : start();
}

/**
 * A signing request's state as the server answers it ({state: 'pending'|'signed'|'refused'|
 * 'expired'|'used', signed_with?}; a request the server does not know is 'expired'), or null
 * when it could not be asked (no connection, a server error): ask again later.
 */
export async function signingState(request) {
  try {
    const response = await fetch(`/api/v1/signatures/${encodeURIComponent(request)}`, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (response.status === 404) return { state: 'expired' };
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/**
 * The item's request was signed: from now on the item is 'pending' (the outbox sends it) with
 * that request. Changes nothing when another tab did it first or the item moved on.
 */
export function markSigned(store, itemId, request) {
  return store.updateItem(itemId, (item) => (item?.state === 'signing' && item.signing?.request === request
    ? { ...item, state: 'pending', signatureRequest: request, nextAttemptAt: Date.now() } : null));
}

/** This server does not sign online: the item is sent unsigned (the applicant signs at the desk). */
export function markUnsigned(store, itemId) {
  return store.updateItem(itemId, (item) => (item?.state === 'signing'
    ? { ...item, state: 'pending', nextAttemptAt: Date.now() } : null));
}

/** Milliseconds before asking a pending request's state again after `asked` answers: 1 s growing to 5 s. */
export function pollDelay(asked) {
  return Math.min(1000 * 1.5 ** asked, 5000);
}
