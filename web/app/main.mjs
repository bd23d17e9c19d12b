// The citizen app: boot, routing (hash routes, so Back works and any page reloads offline),
// the header banners and the outbox's schedule. Pages live in pages/*.mjs.
import { h, idFor } from './dom.mjs';
import { closeDraft, saveDraft } from './draft.mjs';
import { loadEngine } from './engine.mjs';
import { lang, setLanguage, t, tr } from './i18n.mjs';
import { CHANNEL, SYNC_TAG, drainOutbox } from './outbox.mjs';
import { openStore } from './store.mjs';
import { applicationsPage } from './pages/applications.mjs';
import { boardPage } from './pages/board.mjs';
import { cataloguePage } from './pages/catalogue.mjs';
import { certificatePage } from './pages/certificate.mjs';
import { checkPage } from './pages/check.mjs';
import { notEligiblePage } from './pages/not-eligible.mjs';
import { proposalsPage } from './pages/proposals.mjs';
import { proposePage } from './pages/propose.mjs';
import { queuedPage } from './pages/queued.mjs';
import { resultsPage } from './pages/results.mjs';
import { sentPage } from './pages/sent.mjs';
import { signPage } from './pages/sign.mjs';
import { startPage } from './pages/start.mjs';
import { statusPage } from './pages/status.mjs';
import { stepPage } from './pages/step.mjs';
import { voteBallotPage } from './pages/vote-ballot.mjs';
import { voteCastPage } from './pages/vote-cast.mjs';
import { voteCheckedPage } from './pages/vote-checked.mjs';
import { voteCodePage } from './pages/vote-code.mjs';
import { voteEncryptedPage } from './pages/vote-encrypted.mjs';
import { electionsPage, voteStartPage } from './pages/vote-start.mjs';

const ELECTION = '([A-Za-z0-9][A-Za-z0-9_.-]*)';

const ROUTES = [
  [/^#\/form\/([0-9a-f]+)\/check$/, checkPage],
  [/^#\/form\/([0-9a-f]+)\/not-eligible$/, notEligiblePage],
  [/^#\/form\/([0-9a-f]+)\/queued$/, queuedPage],
  [/^#\/form\/([0-9a-f]+)\/sign$/, signPage],
  [/^#\/form\/([0-9a-f]+)\/([a-z][a-z0-9_]*)(?:\?return=check)?$/, stepPage],
  [/^#\/sent\/([^/]+)$/, sentPage],
  [/^#\/status(?:\/([^/]+))?$/, statusPage],
  [/^#\/certificate$/, certificatePage],
  [/^#\/applications$/, applicationsPage],
  [/^#\/start\/([a-z][a-z0-9_]*)$/, startPage],
  [/^#\/propose$/, proposePage],
  [/^#\/proposals$/, proposalsPage],
  [/^#\/vote$/, electionsPage],
  [new RegExp(`^#/vote/${ELECTION}$`), voteStartPage],
  [new RegExp(`^#/vote/${ELECTION}/code$`), voteCodePage],
  [new RegExp(`^#/vote/${ELECTION}/ballot$`), voteBallotPage],
  [new RegExp(`^#/vote/${ELECTION}/encrypted$`), voteEncryptedPage],
  [new RegExp(`^#/vote/${ELECTION}/checked$`), voteCheckedPage],
  [new RegExp(`^#/vote/${ELECTION}/cast$`), voteCastPage],
  [new RegExp(`^#/board/${ELECTION}(?:\\?code=([0-9A-Fa-f]*))?$`), boardPage],
  [new RegExp(`^#/results/${ELECTION}$`), resultsPage],
  [/^(?:#\/?)?$/, cataloguePage],
];

const app = {
  engine: null, store: null, certificate: null, publicComputer: false, registration: null, persisted: false,
  navigate(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  render: (focusPointer) => route({ keepFocus: true, focusPointer }),
  refreshBanners: () => refreshBanners(),
  drain: (force, options) => drain(force, options),
  setPublicComputer: (on) => setPublicComputer(on),
  shownErrors: null,
  voteErrors: null,
  boardState: null,
};

let routing = Promise.resolve();
let first = true;
let drainTimer = null;

async function boot() {
  await setLanguage(localStorage.getItem('civic-lang') ?? 'bg');
  app.publicComputer = sessionStorage.getItem('civic-public') === '1';
  app.store = await openStore({ persistent: !app.publicComputer });
  renderShell();
  registerServiceWorker();
  try {
    app.engine = await loadEngine();
  } catch (error) {
    console.error(error);
    show({ title: t('unavailable.title'), body: [h('h1', { class: 'heading-l', tabindex: '-1' }, t('unavailable.title')), h('p', {}, t('unavailable.body'))] });
    return;
  }
  renderShell();
  new BroadcastChannel(CHANNEL).onmessage = onBroadcast;
  addEventListener('hashchange', () => route());
  addEventListener('online', () => { refreshBanners(); drain(true); });
  addEventListener('offline', refreshBanners);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') saveDraft(app); });
  addEventListener('pagehide', () => saveDraft(app));
  await route();
  requestPersistence();
  drain(true);
  document.body.dataset.ready = 'true';
}

// The service the page on screen belongs to (the change of address, or the participatory
// budget's proposals and vote): the header and the window title name it.
let service = null;

function serviceName() {
  return service ?? t('service.name');
}

function renderShell() {
  document.title = serviceName();
  const name = app.engine ? `${serviceName()} – ${tr(app.engine.bundle.name)}` : serviceName();
  document.getElementById('service-name').textContent = name;
  document.getElementById('skip-link').textContent = t('nav.skip');
  const other = lang() === 'bg' ? 'en' : 'bg';
  const switcher = document.getElementById('language');
  switcher.textContent = t('nav.language');
  switcher.lang = other;
  switcher.onclick = async () => {
    await saveDraft(app);
    localStorage.setItem('civic-lang', other);
    await setLanguage(other);
    renderShell();
    route({ keepFocus: true });
  };
  const nav = document.getElementById('nav');
  nav.replaceChildren(
    h('a', { href: '#/applications', class: 'header__link' }, t('nav.applications')),
    h('a', { href: '#/status', class: 'header__link' }, t('nav.status')),
    h('a', { href: '#/proposals', class: 'header__link' }, t('nav.proposals')),
    h('a', { href: '#/vote', class: 'header__link' }, t('nav.vote')));
  nav.setAttribute('aria-label', t('nav.label'));
  refreshBanners();
}

async function route(options = {}) {
  routing = routing.then(() => routeNow(options)).catch((error) => {
    console.error(error);
    show({ title: t('unavailable.title'), body: [h('h1', { class: 'heading-l', tabindex: '-1' }, t('unavailable.title')), h('p', {}, String(error.message ?? error))] });
  });
  return routing;
}

async function routeNow({ keepFocus = false, focusPointer = null } = {}) {
  const hash = location.hash;
  if (!hash.startsWith('#/') && hash !== '') return;
  if (!keepFocus) {
    app.shownErrors = null;
    app.voteErrors = null;
  }
  for (const [pattern, page] of ROUTES) {
    const match = hash.match(pattern);
    if (!match) continue;
    if (!hash.startsWith('#/form/')) {
      await saveDraft(app);
      closeDraft();
    }
    const params = { args: match.slice(1), returnTo: hash.endsWith('?return=check') ? 'check' : null };
    const result = await page(app, params);
    if (!result) return;  // the page sent the citizen elsewhere
    // A page may name the service it belongs to; none is the app's own (service.name).
    if ((result.service ?? null) !== service) {
      service = result.service ?? null;
      renderShell();
    }
    show(focusPointer ? { ...result, focus: idFor(focusPointer) } : result, keepFocus);
    // What the page shows is the route's now, in this language (tests and tools wait for
    // this state).
    Object.assign(document.getElementById('main').dataset, { route: hash, lang: lang() });
    return;
  }
  app.navigate('#/');
}

function show({ title, body, hasErrors = false, focus = null }, keepFocus = false) {
  document.title = `${hasErrors ? `${t('error.title_prefix')}: ` : ''}${title} – ${serviceName()}`;
  const main = document.getElementById('main');
  const active = keepFocus ? document.activeElement?.id : null;
  main.replaceChildren(...[body].flat(Infinity).filter(Boolean));
  const target = hasErrors ? main.querySelector('.error-summary')
    : (focus && document.getElementById(focus)) || (active && document.getElementById(active))
      || (first || keepFocus ? null : main.querySelector('h1'));
  if (target) target.focus();
  if (!keepFocus && !hasErrors && !first) scrollTo(0, 0);
  first = false;
}

async function refreshBanners() {
  const banners = document.getElementById('banners');
  const items = [];
  if (!navigator.onLine) items.push(h('p', { class: 'banner banner--offline' }, t('banner.offline')));
  if (app.registration?.waiting && navigator.serviceWorker.controller) {
    items.push(h('div', { class: 'banner banner--update', role: 'region', 'aria-label': t('banner.update_label') },
      h('p', {}, t('banner.update')),
      h('button', { type: 'button', class: 'button button--secondary', onclick: applyUpdate }, t('banner.update_button'))));
  }
  if (app.publicComputer) items.push(h('p', { class: 'banner' }, t('banner.public')));
  if (app.store) {
    const pending = (await app.store.all('outbox')).filter((item) => item.state === 'pending').length;
    if (pending > 0 && !app.persisted) items.push(h('p', { class: 'banner banner--warning' }, t('banner.not_persistent', { count: pending })));
  }
  banners.replaceChildren(...items);
}

// The outbox is drained when the app starts, when the connection returns, on a timer
// following each item's backoff, and by the service worker's Background Sync.
// `onProgress` follows the chunks of attached files being sent (outbox.mjs).
async function drain(force = false, { onProgress } = {}) {
  clearTimeout(drainTimer);
  if (!app.store) return [];
  const outcomes = await drainOutbox(app.store, { force, onProgress });
  const pending = (await app.store.all('outbox')).filter((item) => item.state === 'pending');
  if (pending.length) {
    const next = Math.min(...pending.map((item) => item.nextAttemptAt));
    drainTimer = setTimeout(() => drain(false), Math.max(250, next - Date.now()));
    app.registration?.sync?.register(SYNC_TAG).catch(() => {});
  }
  refreshBanners();
  return outcomes;
}

function onBroadcast({ data }) {
  if (data.type === 'sent' || data.type === 'outbox-changed' || data.type === 'draft-saved') {
    refreshBanners();
    const onApplications = location.hash === '#/applications';
    const onThisDraft = data.draftId && location.hash.startsWith(`#/form/${data.draftId}/`);
    if (data.type === 'sent' && onThisDraft) app.navigate(`#/sent/${data.submissionId}`);
    else if (onApplications || (data.type !== 'draft-saved' && location.hash.endsWith('/queued'))) route({ keepFocus: true });
  }
}

async function requestPersistence() {
  if (!navigator.storage?.persist || app.publicComputer) return;
  app.persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  refreshBanners();
}

async function setPublicComputer(on) {
  await saveDraft(app);
  closeDraft();
  if (on) sessionStorage.setItem('civic-public', '1');
  else sessionStorage.removeItem('civic-public');
  app.publicComputer = on;
  app.store = await openStore({ persistent: !on });
  refreshBanners();
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.mjs', { type: 'module' }).then((registration) => {
    app.registration = registration;
    registration.addEventListener('updatefound', () => {
      registration.installing?.addEventListener('statechange', refreshBanners);
    });
    refreshBanners();
  }).catch((error) => console.warn('service worker', error));
}

// A new version waits until the citizen chooses it: the draft is saved first.
async function applyUpdate() {
  await saveDraft(app);
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  app.registration.waiting.postMessage({ type: 'skip-waiting' });
}

boot();
