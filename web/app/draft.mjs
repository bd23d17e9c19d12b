// The draft being filled in: its FormSession (the wasm core re-validates on every change)
// and its autosave, written in the same task as each change, so a tab closed right after a
// keystroke keeps it. One draft is open per tab at a time.
import { randomHex } from '../vendor/civickit/index.mjs';
import { CHANNEL } from './outbox.mjs';
import { today } from './engine.mjs';

let current = null;

export function currentDraft() {
  return current;
}

/**
 * A new draft of `form` (the profile's address change unless another form is named). A
 * correction starts from the answers this device sent (when it kept them) and names the
 * declaration it corrects: `corrects` = { id, token } (its reference and status code).
 */
export async function createDraft(app, form = app.engine.form, { answers = {}, formVersion = form.version, corrects = null } = {}) {
  const now = new Date().toISOString();
  const draft = {
    id: randomHex(16), formId: form.id, formVersion, answers,
    createdAt: now, updatedAt: now, ...(corrects ? { corrects } : {}),
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
  const form = formOf(app.engine, draft);
  current = { draft, form, session: startSession(app, draft, form) };
  await forgetUnusedFiles(app, draft);
  return current;
}

// Deletes the files sealed for a draft that its answers do not name: a tab closed while a
// file was being sealed leaves one.
function forgetUnusedFiles(app, draft) {
  const named = new Set(Object.values(draft.answers).flatMap((value) => (Array.isArray(value) ? value : []))
    .map((item) => item?.upload).filter(Boolean));
  return app.store.deleteUploads((upload) => upload.draftId === draft.id && !named.has(upload.id));
}

// A draft of an older form version is migrated by the core when the form declares how
// (openForm with answersVersion); otherwise it is flagged and the citizen is asked to check
// every answer again.
function startSession(app, draft, form) {
  const { profile } = app.engine;
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

/** The form a draft fills in (drafts from before forms were named are address changes). */
export function formOf(engine, draft) {
  return engine.forms.get(draft.formId) ?? engine.form;
}

export function closeDraft() {
  if (!current) return;
  current.session.close();
  current = null;
}

/**
 * One answer changed in `open` (the draft its page was drawn for): re-validate (for
 * visibility and computed values) and write the draft before returning. Returns the new
 * report, or null when that draft is no longer the open one.
 */
export function changeAnswer(app, open, pointer, value) {
  if (open !== current) return null;  // the page is being replaced: its draft is closed
  const report = open.session.setAnswer(pointer, value);
  open.draft.answers = open.session.answers;
  open.draft.updatedAt = new Date().toISOString();
  app.store.putDraft({ ...open.draft }).catch((error) => console.error('autosave', error));
  return report;
}

/**
 * Writes the open draft and tells other tabs. If it has been sealed or sent meanwhile (in
 * another tab), nothing is written and false is returned: that draft must not change.
 */
export async function saveDraft(app) {
  if (!current) return true;
  const { draft } = current;
  if ((await app.store.draftState(draft.id)) !== 'open') return false;
  await app.store.putDraft({ ...draft });
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'draft-saved', draftId: draft.id });
  channel.close();
  return true;
}
