// Where drafts, the outbox and receipts live: IndexedDB (through `idb`), or memory only on a
// public computer. Both stores have the same interface; nothing else touches storage.
//
//   drafts   {id, formId, formVersion, answers, step, createdAt, updatedAt, envelope?, needsReview?}
//   outbox   {id (= envelope.idempotency_id), draftId, formTitle, envelope, state: 'pending'|'failed',
//             attempts, nextAttemptAt, lastError?, status?, problem?, queuedAt}
//   receipts {submission_id, receipt, draftId, formTitle, envelopeHash, sentAt}
import { openDB } from '../vendor/idb/index.js';

const STORES = ['drafts', 'outbox', 'receipts'];

export async function openStore({ persistent }) {
  return persistent ? new IdbStore(await openDatabase()) : new MemoryStore();
}

function openDatabase() {
  return openDB('civickit', 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'id' });
      db.createObjectStore('outbox', { keyPath: 'id' });
      db.createObjectStore('receipts', { keyPath: 'submission_id' });
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
   * Seals a draft exactly once: in one read-write transaction (IndexedDB serialises them, in
   * every tab and the service worker) the draft's envelope is read; only when it has none is
   * `envelope` stored with its outbox item. Returns the envelope the draft is bound to.
   */
  async sealOnce(draftId, envelope, item) {
    const tx = this.db.transaction(['drafts', 'outbox'], 'readwrite');
    const draft = await tx.objectStore('drafts').get(draftId);
    if (!draft) throw new Error('draft gone');
    if (draft.envelope) {
      await tx.done;
      return draft.envelope;
    }
    draft.envelope = envelope;
    tx.objectStore('drafts').put(draft);
    tx.objectStore('outbox').put(item);
    await tx.done;
    return envelope;
  }

  /** Stores the receipt, and removes the outbox item and the draft (its personal data). */
  async delivered(itemId, receiptRecord) {
    const tx = this.db.transaction(['drafts', 'outbox', 'receipts'], 'readwrite');
    tx.objectStore('receipts').put(receiptRecord);
    tx.objectStore('outbox').delete(itemId);
    tx.objectStore('drafts').delete(receiptRecord.draftId);
    await tx.done;
  }
}

class MemoryStore {
  constructor() {
    this.maps = Object.fromEntries(STORES.map((name) => [name, new Map()]));
    this.keys = { drafts: 'id', outbox: 'id', receipts: 'submission_id' };
    this.persistent = false;
  }
  async all(store) { return [...this.maps[store].values()].map((value) => structuredClone(value)); }
  async get(store, key) { const value = this.maps[store].get(key); return value && structuredClone(value); }
  async put(store, value) { this.maps[store].set(value[this.keys[store]], structuredClone(value)); }
  async delete(store, key) { this.maps[store].delete(key); }

  async sealOnce(draftId, envelope, item) {
    const draft = this.maps.drafts.get(draftId);
    if (!draft) throw new Error('draft gone');
    if (draft.envelope) return structuredClone(draft.envelope);
    draft.envelope = structuredClone(envelope);
    await this.put('outbox', item);
    return envelope;
  }

  async delivered(itemId, receiptRecord) {
    await this.put('receipts', receiptRecord);
    this.maps.outbox.delete(itemId);
    this.maps.drafts.delete(receiptRecord.draftId);
  }
}
