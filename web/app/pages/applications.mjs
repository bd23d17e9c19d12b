// "Your applications": drafts (continue, delete), items waiting to be sent (with their state),
// items the server did not accept (with what to do) and sent ones (receipt, status).
import { h } from '../dom.mjs';
import { closeDraft, formOf, openDraft } from '../draft.mjs';
import { formatTime, t, tr } from '../i18n.mjs';
import { editableDrafts } from '../store.mjs';
import { button, heading, summaryList, warning } from '../ui.mjs';

export async function applicationsPage(app) {
  const { store } = app;
  const [drafts, outbox, receipts] = await Promise.all([editableDrafts(store), store.all('outbox'), store.all('receipts')]);
  const editable = drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const pending = outbox.filter((i) => i.state === 'pending');
  const failed = outbox.filter((i) => i.state === 'failed');
  const unsigned = outbox.filter((i) => i.state === 'signing');
  return {
    title: t('apps.title'),
    body: [
      heading(t('apps.title')),
      app.publicComputer && h('p', {}, t('apps.public')),
      failed.length > 0 && section('failed', t('apps.failed_title'), failed.map((item) => failure(app, item))),
      unsigned.length > 0 && section('signing', t('apps.signing_title'), summaryList(unsigned.map((item) => ({
        key: `${item.formTitle} — ${formatTime(item.queuedAt)}`,
        value: t('apps.signing'),
        action: h('a', { href: `#/form/${item.draftId}/sign`, class: 'link' }, t('apps.sign')),
      })))),
      pending.length > 0 && section('pending', t('apps.pending_title'), [
        pending.length > 0 && !app.persisted && !app.publicComputer && warning(t('banner.not_persistent', { count: pending.length })),
        summaryList(pending.map((item) => ({ key: `${item.formTitle} — ${formatTime(item.queuedAt)}`, value: pendingState(item) }))),
        h('form', { onsubmit: async (event) => { event.preventDefault(); await app.drain(true); app.render(); } },
          button(t('apps.send_now'), { class: 'button button--secondary', id: 'send-now' })),
      ]),
      section('drafts', t('apps.drafts_title'), editable.length === 0 ? h('p', {}, t('apps.no_drafts')) : summaryList(editable.map((draft) => ({
        key: `${tr(formOf(app.engine, draft).title)} — ${formatTime(draft.updatedAt)}`,
        value: draft.needsReview ? t('draft.needs_review') : t('apps.draft_saved'),
        action: [
          h('a', { href: `#/form/${draft.id}/${draft.step ?? formOf(app.engine, draft).steps[0].id}`, class: 'link' }, t('apps.continue')), ' ',
          h('button', { type: 'button', class: 'button-link', onclick: () => deleteDraft(app, draft) }, t('apps.delete'),
            h('span', { class: 'visually-hidden' }, ` ${formatTime(draft.updatedAt)}`)),
        ],
      })))),
      receipts.length > 0 && section('sent', t('apps.sent_title'), summaryList(receipts.map((r) => ({
        key: `${r.formTitle} — ${formatTime(r.receipt.received_at)}`,
        value: `${t('sent.reference')}: ${r.submission_id}`,
        action: [h('a', { href: `#/sent/${r.submission_id}`, class: 'link' }, t('apps.receipt')), ' ',
          h('a', { href: `#/status/${r.submission_id}`, class: 'link' }, t('apps.status'))],
      })))),
      h('p', {}, h('a', { href: '#/', class: 'link' }, t('apps.start_new'))),
    ],
  };
}

function section(id, title, content) {
  return h('section', { 'aria-labelledby': `apps-${id}` }, h('h2', { class: 'heading-m', id: `apps-${id}` }, title), content);
}

function pendingState(item) {
  if (item.attempts === 0) return t('apps.waiting');
  const why = item.lastError?.kind === 'server' ? t('apps.server_error', { status: item.lastError.status }) : t('apps.network_error');
  return t('apps.retrying', { why, attempts: item.attempts, time: formatTime(new Date(item.nextAttemptAt).toISOString()) });
}

// A terminal answer: say what happened and what to do; nothing disappears without a word.
function failure(app, item) {
  const problem = item.problem ?? {};
  const errors = [...(problem.report?.errors ?? []), ...(problem.errors ?? [])];
  const unique = [...new Map(errors.map((e) => [`${e.path}|${tr(e.message)}`, e])).values()];
  const advice = item.status === 422 ? t('apps.failed_422') : item.status === 409 ? t('apps.failed_409') : t('apps.failed_other', { status: item.status });
  return h('div', { class: 'failure', 'data-status': item.status },
    h('h3', { class: 'heading-s' }, `${item.formTitle} — ${formatTime(item.failedAt)}`),
    h('p', {}, advice),
    unique.length > 0 && h('ul', { class: 'list list--bullet failure__errors' }, unique.map((e) => h('li', {}, tr(e.message)))),
    h('button', { type: 'button', class: 'button button--secondary', onclick: () => reopenItem(app, item) }, t('apps.reopen')));
}

/**
 * The citizen corrects the draft of a failed item, or of one waiting for a signature: the
 * envelope (never delivered) is dropped, the next send seals anew.
 */
export async function reopenItem(app, item) {
  const draft = await app.store.get('drafts', item.draftId);
  await app.store.delete('outbox', item.id);
  if (!draft) return app.render();
  closeDraft();
  app.navigate(`#/form/${draft.id}/check`);
}

async function deleteDraft(app, draft) {
  if (!confirm(t('apps.delete_confirm'))) return;
  closeDraft();
  await app.store.delete('drafts', draft.id);
  await app.store.deleteUploads((upload) => upload.draftId === draft.id);
  app.render();
}

/** The page for a draft that no longer exists (sent from another tab, or deleted). */
export async function draftGone(app) {
  return {
    title: t('gone.title'),
    body: [heading(t('gone.title')), h('p', {}, t('gone.body')), h('p', {}, h('a', { href: '#/applications' }, t('nav.applications')))],
  };
}

/** The draft opened for editing, or (when it is gone or already sealed) the page to show instead. */
export async function editableDraft(app, draftId) {
  const state = await app.store.draftState(draftId);
  if (state === 'sealed' || state === 'sent') {
    closeDraft();
    return { page: app.navigate(`#/form/${draftId}/queued`) };
  }
  const open = state === 'open' && (await openDraft(app, draftId));
  if (!open) return { page: await draftGone(app) };
  return { open };
}
