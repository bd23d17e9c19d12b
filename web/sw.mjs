// The service worker: the app shell, civickit.wasm and the profile bundle precached from a
// revision manifest (written by web/build.mjs), so the app opens with the network off after
// one visit. The API is network-first (the cached profile when offline); submissions are
// never cached. A new version installs and waits: the page offers it, never forces it.
// Background Sync drains the outbox where the browser has it.
import { drainOutbox, SYNC_TAG } from './app/outbox.mjs';
import { openStore } from './app/store.mjs';
import { PRECACHE, REVISION } from './precache-manifest.mjs';

const SHELL = `civic-shell-${REVISION}`;
const API = 'civic-api';
const PROFILE = '/api/v1/profile';
// What civic-server answers itself, never the app's shell: the API, its health and metrics, the
// kiosk app and the development payment provider's page.
const SERVER_PATHS = ['/api/', '/healthz', '/metrics', '/kiosk/', '/dev/'];
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    await cache.addAll(PRECACHE.map(({ url, revision }) => new Request(`${url}?__rev=${revision}`, { cache: 'reload' })));
    // Stored under the plain URL: the revision only defeats the HTTP cache while installing.
    for (const { url, revision } of PRECACHE) {
      const response = await cache.match(`${url}?__rev=${revision}`);
      await cache.put(url, response);
      await cache.delete(`${url}?__rev=${revision}`);
    }
    const profile = await fetch(PROFILE, { cache: 'no-cache' }).catch(() => null);
    if (profile?.ok) await (await caches.open(API)).put(PROFILE, profile);
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('civic-shell-') && name !== SHELL) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === PROFILE) event.respondWith(networkFirst(request));
  else if (SERVER_PATHS.some((prefix) => url.pathname.startsWith(prefix))) return;
  else event.respondWith(shellFirst(request, url));
});

async function networkFirst(request) {
  const cache = await caches.open(API);
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) });
    if (response.ok) await cache.put(PROFILE, response.clone());
    if (response.status === 304) return (await cache.match(PROFILE)) ?? response;
    return response;
  } catch (error) {
    const cached = await cache.match(PROFILE);
    if (cached) return cached;
    throw error;
  }
}

async function shellFirst(request, url) {
  const cache = await caches.open(SHELL);
  const key = request.mode === 'navigate' || url.pathname === '/' ? '/index.html' : url.pathname;
  return (await cache.match(key)) ?? fetch(request);
}

self.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil((async () => {
    const store = await openStore({ persistent: true });
    await drainOutbox(store, { force: true });
    const left = (await store.all('outbox')).filter((item) => item.state === 'pending');
    // Still pending: fail the sync so the browser tries again later with its own backoff.
    if (left.length) throw new Error(`${left.length} submission(s) still pending`);
  })());
});
