// The draft being filled in: its FormSession (the wasm core re-validates on every change)
// and autosave to the store. One draft is open per tab at a time.
import { randomHex } from '../vendor/civickit/index.mjs';
import { CHANNEL } from './outbox.mjs';
import { today } from './engine.mjs';

const SAVE_DELAY_MS = 150;
let current = null;

export function currentDraft() {
  return current;
}

export async function createDraft(app) {
  const now = new Date().toISOString();
  const draft = {
    id: randomHex(16), formId: app.engine.form.id, formVersion: app.engine.form.version, answers: {},
    createdAt: now, updatedAt: now,
  };
  await app.store.put('drafts', draft);
  return draft;
}

/** Opens (or returns the already open) draft; null when it no longer exists. */
export async function openDraft(app, id) {
  if (current?.draft.id === id) return current;
  closeDraft();
  const draft = await app.store.get('drafts', id);
  if (!draft) return null;
  current = { draft, session: startSession(app, draft), timer: null };
  return current;
}

// A draft of an older form version is migrated by the core when the form declares how
// (openForm with answersVersion); otherwise it is flagged and the citizen is asked to check
// every answer again.
function startSession(app, draft) {
  const { profile, form } = app.engine;
  if (draft.formVersion !== form.version) {
    let migrated = null;
    try {
      const probe = profile.openForm(form.id, { today: today(), answers: draft.answers, answersVersion: draft.formVersion });
      migrated = probe.answers;
      probe.close();
    } catch (error) {
      if (error.code !== 'form.needs_review') throw error;
    }
    if (migrated && Object.keys(migrated).length > 0) draft.answers = migrated;
    else draft.needsReview = true;
    draft.formVersion = form.version;
  }
  const session = profile.openForm(form.id, { today: today() });
  try {
    session.setAnswers(draft.answers);
  } catch {
    draft.needsReview = true;
  }
  return session;
}

export function closeDraft() {
  if (!current) return;
  clearTimeout(current.timer);
  current.session.close();
  current = null;
}

/** One answer changed: re-validate (for visibility and computed values) and autosave. */
export function changeAnswer(app, pointer, value) {
  const report = current.session.setAnswer(pointer, value);
  current.draft.answers = current.session.answers;
  current.draft.updatedAt = new Date().toISOString();
  clearTimeout(current.timer);
  current.timer = setTimeout(() => saveDraft(app), SAVE_DELAY_MS);
  return report;
}

/**
 * Writes the open draft. If another tab has sealed it meanwhile, nothing is written and
 * false is returned: that draft is on its way and must not change.
 */
export async function saveDraft(app) {
  if (!current) return true;
  clearTimeout(current.timer);
  const { draft } = current;
  const stored = await app.store.get('drafts', draft.id);
  if (!stored || stored.envelope) return false;
  await app.store.put('drafts', { ...draft });
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'draft-saved', draftId: draft.id });
  channel.close();
  return true;
}
