// Saved and waiting to be sent (offline, or the server did not answer): what will happen.
import { h } from '../dom.mjs';
import { serviceOf } from '../engine.mjs';
import { t, tf } from '../i18n.mjs';
import { button, heading, insetText, warning } from '../ui.mjs';

export async function queuedPage(app, { args: [draftId] }) {
  const receipt = (await app.store.all('receipts')).find((r) => r.draftId === draftId);
  if (receipt) return app.navigate(`#/sent/${receipt.submission_id}`);
  const item = (await app.store.all('outbox')).find((i) => i.draftId === draftId);
  if (!item || item.state === 'failed') return app.navigate('#/applications');
  if (item.state === 'signing') return app.navigate(`#/form/${draftId}/sign`);
  return {
    service: serviceOf(item.formId),
    title: tf(item.formId, 'queued.title'),
    body: [
      heading(tf(item.formId, 'queued.title')),
      insetText(t('queued.body')),
      h('p', {}, navigator.onLine ? t('queued.server') : t('queued.offline')),
      !app.persisted && !app.publicComputer && warning(t('banner.not_persistent', { count: 1 })),
      app.publicComputer && warning(tf(item.formId, 'queued.public')),
      h('form', { onsubmit: async (event) => { event.preventDefault(); await app.drain(true); app.render(); } },
        button(t('apps.send_now'), { class: 'button button--secondary', id: 'send-now' })),
      h('p', {}, h('a', { href: '#/applications', class: 'link' }, t('nav.applications'))),
    ],
  };
}
