// Where drafts, the outbox and receipts live: IndexedDB (through `idb`), or memory only on a
// public computer. Both stores have the same interface; nothing else touches storage.
//
//   drafts   {id, formId, formVersion, answers, step, createdAt, updatedAt, needsReview?}
//   outbox   {id (= envelope.idempotency_id), draftId, formTitle, formId, envelope,
//             state: 'signing'|'pending'|'failed', attempts, nextAttemptAt, lastError?, status?,
//             problem?, queuedAt, signing? (the signing request asked for: {request, short_code,
//             confirm_url, expires_at}), signatureRequest? (the signed one it is sent with)}
//   receipts {submission_id, receipt, draftId, formTitle, formId, envelopeHash, sentAt}
//   uploads  {id (the upload id), draftId, header (Uint8Array, 96 bytes), size, chunks, createdAt}:
//             a file attached to a draft, sealed to the municipality (docs/api.md, uploads)
//   chunks   {upload, index, bytes (Uint8Array)}, key [upload, index]: its sealed chunks, each
//             written as it is made; nothing in clear is ever stored
//
// A draft's fate is never kept in the draft itself: it is sealed while an outbox item names
// it and sent once a receipt does. So writing a draft is a blind put, issued in the same task
// as the keystroke (nothing is lost when the tab closes right after), and no draft write can
// undo a seal made by another tab.
import { openDB } from '../vendor/idb/index.js';

const STORES = ['drafts', 'outbox', 'receipts', 'uploads', 'chunks'];
const KEYS = { drafts: 'id', outbox: 'id', receipts: 'submission_id', uploads: 'id', chunks: ['upload', 'index'] };

export async function openStore({ persistent }) {
  return persistent ? new IdbStore(await openDatabase()) : new MemoryStore();
}

function openDatabase() {
  return openDB('civickit', 2, {
    upgrade(db, oldVersion) {
      const stores = oldVersion < 1 ? ['drafts', 'outbox', 'receipts', 'uploads', 'chunks'] : ['uploads', 'chunks'];
      for (const name of stores) db.createObjectStore(name, { keyPath: KEYS[name] });
    },
  });
}

class IdbStore {
  constructor(db) {
    this.db = db;
    this.persistent = true;
  }
  all(store) { return this.db.getAll(store); }
  get(store, key) { return this.db.get(store, key); }
  put(store, value) { return this.db.put(store, value); }
  delete(store, key) { return this.db.delete(store, key); }

  /**
   * Writes a draft now: the request is issued before this returns and the transaction is
   * committed at once, so it completes even if the page is closed in the same task.
   */
  putDraft(draft) {
    const tx = this.db.transaction('drafts', 'readwrite');
    tx.objectStore('drafts').put(draft);
    tx.commit?.();
    return tx.done;
  }

  /** 'open', 'sealed' (an outbox item names it), 'sent' (a receipt does) or 'gone'. */
  async draftState(draftId) {
    const tx = this.db.transaction(['drafts', 'outbox', 'receipts'], 'readonly');
    const [draft, items, receipts] = await Promise.all([tx.objectStore('drafts').get(draftId),
      tx.objectStore('outbox').getAll(), tx.objectStore('receipts').getAll()]);
    return stateOf(draftId, draft, items, receipts);
  }

  /**
   * Seals a draft exactly once: in one read-write transaction (IndexedDB serialises them, in
   * every tab and the service worker) the outbox is read; only when no item names the draft
   * is `item` (holding `envelope`) queued. Returns the envelope the draft is bound to, or
   * null when the draft is gone or already sent.
   */
  async sealOnce(draftId, envelope, item) {
    const tx = this.db.transaction(['drafts', 'outbox', 'receipts'], 'readwrite');
    const [draft, items, receipts] = await Promise.all([tx.objectStore('drafts').get(draftId),
      tx.objectStore('outbox').getAll(), tx.objectStore('receipts').getAll()]);
    const state = stateOf(draftId, draft, items, receipts);
    if (state === 'open') tx.objectStore('outbox').put(item);
    await tx.done;
    return boundEnvelope(state, draftId, items, envelope);
  }

  /**
   * Changes an outbox item in one read-write transaction: `change(item)` gets the stored item
   * (or undefined) and returns the new one, or null to leave it. Returns what is stored after.
   */
  async updateItem(itemId, change) {
    const tx = this.db.transaction('outbox', 'readwrite');
    const item = await tx.objectStore('outbox').get(itemId);
    const changed = change(item);
    if (changed) tx.objectStore('outbox').put(changed);
    await tx.done;
    return changed ?? item;
  }

  /**
   * Stores the receipt, and removes the outbox item, the draft (its personal data) and the
   * files sealed for the draft (the server holds those it sent).
   */
  async delivered(itemId, receiptRecord) {
    const tx = this.db.transaction(['drafts', 'outbox', 'receipts', 'uploads', 'chunks'], 'readwrite');
    tx.objectStore('receipts').put(receiptRecord);
    tx.objectStore('outbox').delete(itemId);
    tx.objectStore('drafts').delete(receiptRecord.draftId);
    await deleteUploadsIn(tx, (upload) => upload.draftId === receiptRecord.draftId);
    await tx.done;
  }

  /** Removes the sealed files `which(upload)` selects: each record and all its chunks, in one transaction. */
  async deleteUploads(which) {
    const tx = this.db.transaction(['uploads', 'chunks'], 'readwrite');
    await deleteUploadsIn(tx, which);
    await tx.done;
  }
}

// Every chunk key of one upload: [id, 0] … [id, +∞).
function chunksOf(uploadId) {
  return IDBKeyRange.bound([uploadId, 0], [uploadId, Infinity]);
}

async function deleteUploadsIn(tx, which) {
  for (const upload of await tx.objectStore('uploads').getAll()) {
    if (!which(upload)) continue;
    tx.objectStore('uploads').delete(upload.id);
    tx.objectStore('chunks').delete(chunksOf(upload.id));
  }
}

class MemoryStore {
  constructor() {
    this.maps = Object.fromEntries(STORES.map((name) => [name, new Map()]));
    this.persistent = false;
  }
  async all(store) { return [...this.maps[store].values()].map((value) => structuredClone(value)); }
  async get(store, key) { const value = this.maps[store].get(memoryKey(key)); return value && structuredClone(value); }
  async put(store, value) { this.maps[store].set(memoryKey(keyOf(store, value)), structuredClone(value)); }
  async delete(store, key) { this.maps[store].delete(memoryKey(key)); }
  putDraft(draft) { return this.put('drafts', draft); }

  async draftState(draftId) {
    return stateOf(draftId, this.maps.drafts.get(draftId), [...this.maps.outbox.values()], [...this.maps.receipts.values()]);
  }

  async sealOnce(draftId, envelope, item) {
    const items = [...this.maps.outbox.values()];
    const state = stateOf(draftId, this.maps.drafts.get(draftId), items, [...this.maps.receipts.values()]);
    if (state === 'open') await this.put('outbox', item);
    return structuredClone(boundEnvelope(state, draftId, items, envelope));
  }

  async updateItem(itemId, change) {
    const item = await this.get('outbox', itemId);
    const changed = change(item);
    if (changed) await this.put('outbox', changed);
    return changed ?? item;
  }

  async delivered(itemId, receiptRecord) {
    await this.put('receipts', receiptRecord);
    this.maps.outbox.delete(itemId);
    this.maps.drafts.delete(receiptRecord.draftId);
    await this.deleteUploads((upload) => upload.draftId === receiptRecord.draftId);
  }

  async deleteUploads(which) {
    const gone = new Set([...this.maps.uploads.values()].filter(which).map((upload) => upload.id));
    for (const id of gone) this.maps.uploads.delete(id);
    for (const [key, chunk] of this.maps.chunks) if (gone.has(chunk.upload)) this.maps.chunks.delete(key);
  }
}

function keyOf(store, value) {
  const path = KEYS[store];
  return Array.isArray(path) ? path.map((name) => value[name]) : value[path];
}

// A Map key for a record key (a compound key [upload, index] as its JSON text).
function memoryKey(key) {
  return Array.isArray(key) ? JSON.stringify(key) : key;
}

function stateOf(draftId, draft, items, receipts) {
  if (receipts.some((r) => r.draftId === draftId)) return 'sent';
  if (items.some((i) => i.draftId === draftId)) return 'sealed';
  return draft ? 'open' : 'gone';
}

// The envelope a draft is bound to after sealOnce: the new one, the one queued before, or none.
function boundEnvelope(state, draftId, items, envelope) {
  if (state === 'open') return envelope;
  return state === 'sealed' ? items.find((i) => i.draftId === draftId).envelope : null;
}

/** The drafts still being written: neither sealed nor sent. */
export async function editableDrafts(store) {
  const [drafts, items, receipts] = await Promise.all([store.all('drafts'), store.all('outbox'), store.all('receipts')]);
  return drafts.filter((d) => stateOf(d.id, d, items, receipts) === 'open');
}
