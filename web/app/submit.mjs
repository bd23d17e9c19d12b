// Sending a draft: seal it once (the idempotency id is fixed from then on), queue it, try to
// deliver it now. Two tabs on the same draft seal under one Web Lock and one IndexedDB
// transaction, so they queue the same envelope and the server stores one submission. The
// lock is an optimisation (one tab seals); the transaction is what guarantees it.
import { saveDraft } from './draft.mjs';
import { nowUtc, today } from './engine.mjs';
import { tr } from './i18n.mjs';
import { outboxItem } from './outbox.mjs';
import { uploadsOf } from './uploads.mjs';

/**
 * → {outcome: 'sent'|'kept'|'failed'|'gone'|'sign', record?, item?}. `onProgress({ sent, total })`
 * follows the chunks of the attached files as they are sent. A form that must be signed is
 * sealed and kept for the sign page ('sign'): nothing is sent before the citizen signs.
 */
export async function submitDraft(app, open, { onProgress } = {}) {
  if (!(await saveDraft(app))) return sealedElsewhere(app, open.draft.id);
  const seal = () => sealOnce(app, open);
  const envelope = navigator.locks ? await navigator.locks.request(`civic-seal-${open.draft.id}`, seal) : await seal();
  if (!envelope) return sealedElsewhere(app, open.draft.id);
  const item = await app.store.get('outbox', envelope.idempotency_id);
  if (item?.state === 'signing') return { outcome: 'sign', item };
  const outcomes = await app.drain(true, { onProgress });
  const mine = outcomes.find((o) => o.id === envelope.idempotency_id);
  if (mine) return mine;
  return sealedElsewhere(app, open.draft.id);
}

async function sealOnce(app, open) {
  const { profile } = app.engine;
  const { form } = open;
  const { answers } = open.session.report;  // canonical: only the visible answers travel
  const envelope = profile.sealSubmission(form.id, open.session.answers, { today: today(), createdAt: nowUtc() });
  const kept = {
    answers: app.publicComputer ? null : open.session.answers, corrects: open.draft.corrects ?? null, uploads: uploadsOf(answers),
    sign: Boolean(form.signature),
  };
  return app.store.sealOnce(open.draft.id, envelope, outboxItem(envelope, open.draft.id, tr(form.title), form.id, kept));
}

// The draft was sealed by another tab: report what became of it.
async function sealedElsewhere(app, draftId) {
  const item = (await app.store.all('outbox')).find((i) => i.draftId === draftId);
  if (item) return { outcome: { failed: 'failed', signing: 'sign' }[item.state] ?? 'kept', item };
  const record = (await app.store.all('receipts')).find((r) => r.draftId === draftId);
  return record ? { outcome: 'sent', record } : { outcome: 'gone' };
}
