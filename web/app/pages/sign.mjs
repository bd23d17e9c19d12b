// Sign the declaration (after "Check your answers", before sending), for a form whose
// definition asks for a qualified e-signature: the server asks the signing provider to have
// the citizen sign the sealed envelope's content hash on their phone; this page shows the
// code to compare there and follows the request's state — asking again with a growing
// interval, and only while the page is on screen — until it is signed (the outbox then sends
// the declaration with it), refused or expired (sign again). docs/signing.md.
import { h } from '../dom.mjs';
import { serviceOf } from '../engine.mjs';
import { formatTime, t } from '../i18n.mjs';
import { markSigned, markUnsigned, pollDelay, signingState, startSigning } from '../signing.mjs';
import { button, heading, insetText, summaryList, warning } from '../ui.mjs';
import { reopenItem } from './applications.mjs';

// What this tab knows of the signing on screen: {itemId, problem?, status?, state?} (state:
// the server's last answer about item.signing.request). One poll at a time.
let view = null;
let poll = null;

export async function signPage(app, { args: [draftId] }) {
  const route = `#/form/${draftId}/sign`;
  let item = (await app.store.all('outbox')).find((i) => i.draftId === draftId);
  if (item?.state !== 'signing') return app.navigate(`#/form/${draftId}/queued`);
  if (view?.itemId !== item.id) view = { itemId: item.id };
  if (!item.signing && !view.problem) {
    const started = await startSigning(app.store, item.id);
    Object.assign(view, { problem: started.problem ?? null, status: started.status ?? null });
    item = started.item ?? item;
    if (item?.state !== 'signing') return app.navigate(`#/form/${draftId}/queued`);
  }
  const state = view.problem ? null : (view.state?.request === item.signing?.request && view.state.state) || 'pending';
  if (state === 'pending') follow(app, item, route);
  return {
    service: serviceOf(item.formId),
    title: t('sign.title'),
    body: [
      heading(t('sign.title'), item.formTitle),
      view.problem ? problemPart(app, item, route) : statePart(app, item, state),
      h('p', {}, h('button', { type: 'button', class: 'button-link', id: 'sign-change', onclick: () => reopenItem(app, item) }, t('sign.change'))),
    ],
  };
}

function statePart(app, item, state) {
  const { signing } = item;
  const again = () => restart(app, item, signing.request);
  const status = (text) => h('p', { id: 'sign-state', role: 'status', 'data-state': state, class: 'body-l' }, h('strong', {}, text));
  switch (state) {
    case 'signed':
    case 'used':
      return [status(t('sign.signed')), h('p', {}, t('sign.sending'))];
    case 'refused':
    case 'expired':
      return [status(t(`sign.${state}`)), warning(t(`sign.${state}_next`)),
        h('form', { onsubmit: (event) => { event.preventDefault(); again(); } }, button(t('sign.again'), { id: 'sign-again' }))];
    default:
      return [
        h('p', {}, t('sign.intro')),
        summaryList([
          { key: t('sign.code'), value: h('strong', { id: 'sign-code', class: 'body-l' }, signing.short_code) },
          { key: t('sign.valid_until'), value: formatTime(signing.expires_at) },
        ]),
        insetText(t('sign.on_phone')),
        signing.confirm_url && h('p', {}, t('sign.development'), ' ',
          h('a', { href: signing.confirm_url, target: '_blank', rel: 'noopener', class: 'link', id: 'sign-phone' }, t('sign.open_phone'))),
        status(t('sign.pending')),
      ];
  }
}

function problemPart(app, item, route) {
  const retry = () => { view.problem = null; app.render(); };
  if (view.problem === 'unavailable') {
    const send = async () => {
      await markUnsigned(app.store, item.id);
      await deliver(app, item, route);
    };
    return [warning(t('sign.unavailable')), h('p', {}, t('sign.unavailable_next')),
      h('form', { onsubmit: (event) => { event.preventDefault(); send(); } }, button(t('sign.send_unsigned'), { id: 'send-unsigned' }))];
  }
  const text = view.problem === 'offline' ? t('sign.offline') : t('sign.failed', { status: view.status });
  return [warning(text), h('p', {}, t('sign.kept')),
    h('form', { onsubmit: (event) => { event.preventDefault(); retry(); } }, button(t('sign.retry'), { id: 'sign-retry' }))];
}

async function restart(app, item, refused) {
  const started = await startSigning(app.store, item.id, { replacing: refused });
  Object.assign(view, { problem: started.problem ?? null, status: started.status ?? null, state: null });
  app.render();
}

// Asks the request's state while this page is on screen: at once, then after 1 s growing to
// 5 s, and at once when the citizen comes back from the phone's app to this tab; a changed
// state redraws the page, and a signature sends the declaration.
function follow(app, item, route) {
  if (poll?.route === route) return;
  stopFollowing();
  poll = { route, asked: 0, timer: null, listening: new AbortController() };
  const current = poll;
  const tick = async () => {
    if (poll !== current || location.hash !== route) return stopFollowing();
    const stored = await app.store.get('outbox', item.id);
    if (stored?.state !== 'signing' || !stored.signing) return finish(app, route);  // another tab moved it on
    const answer = await signingState(stored.signing.request);
    if (poll !== current || location.hash !== route) return undefined;
    if (answer && answer.state !== 'pending') {
      stopFollowing();
      view.state = { ...answer, request: stored.signing.request };
      await app.render();
      if (answer.state === 'signed' || answer.state === 'used') {
        await markSigned(app.store, item.id, stored.signing.request);
        await deliver(app, item, route);
      }
      return undefined;
    }
    current.timer = setTimeout(() => { current.timer = null; tick(); }, pollDelay(current.asked++));
    return undefined;
  };
  const { signal } = current.listening;
  addEventListener('hashchange', stopFollowing, { signal });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || !current.timer) return;
    clearTimeout(current.timer);
    current.timer = null;
    tick();
  }, { signal });
  tick();
}

function stopFollowing() {
  if (!poll) return;
  clearTimeout(poll.timer);
  poll.listening.abort();
  poll = null;
}

// The item is now the outbox's: send it, and show what became of it.
async function deliver(app, item, route) {
  const outcomes = await app.drain(true);
  const mine = outcomes.find((o) => o.id === item.id);
  if (location.hash !== route) return undefined;
  if (mine?.outcome === 'sent') return app.navigate(`#/sent/${mine.record.submission_id}`);
  return finish(app, route);
}

// Whatever became of the item (sent by another tab, queued, refused): the queued page says it.
function finish(app, route) {
  stopFollowing();
  return app.navigate(route.replace(/\/sign$/, '/queued'));
}
