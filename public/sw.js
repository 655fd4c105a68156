/* bandeja's service worker (registered by components/pwa/service-worker.tsx, same origin, no inline
   script, so it lives with any Content-Security-Policy that allows 'self').
   - Static assets: /_next/static (content-hashed, immutable) cache-first; icons, manifest, favicon
     stale-while-revalidate. They hold no customer data.
   - Pages (HTML with customer data): only while an agent is signed in (the page says so: the
     PAGES cache exists), network first, the cached copy only when the network fails (offline
     reload). Never API responses, realtime, uploads or the widget. Sign-out clears them (the
     sign-in page deletes the cache; a navigation that lands on /login does too).
   - Web Push: shows the payload the server built (lib/domain/push/push-payload.ts), one
     notification per conversation (tag), a tap opens the conversation; sets the app badge. */

const STATIC_CACHE = 'bandeja-static-v1';
const PAGES_CACHE = 'bandeja-pages-v1';
const SHELL = ['/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/favicon.ico'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(STATIC_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('bandeja-') && name !== STATIC_CACHE && name !== PAGES_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

const isStatic = (url) => url.pathname.startsWith('/_next/static/');
const isShellFile = (url) => SHELL.includes(url.pathname) || url.pathname.startsWith('/icons/');
// Pages are anything navigated to except what never holds an agent's page.
const isPage = (request, url) =>
  request.mode === 'navigate' && !/^\/(api|public|widget|app|apps)(\/|$)|^\/widget\.js$/.test(url.pathname);

const signedIn = () => caches.has(PAGES_CACHE);
const signOut = () => caches.delete(PAGES_CACHE);

const cacheFirst = async (request) => {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
};

const staleWhileRevalidate = async (request) => {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  return hit ?? fresh;
};

const offlinePage = () =>
  new Response(
    '<!doctype html><html lang="es"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>bandeja</title>' +
      '<body style="font-family:system-ui,sans-serif;padding:2rem;color:#0f172a"><h1 style="color:#1a7fe0">bandeja</h1>' +
      '<p>Sin conexión. Vuelve a intentarlo cuando tengas red.</p><p lang="en">You are offline. Try again when you are back online.</p></body></html>',
    { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } },
  );

const networkFirstPage = async (request) => {
  try {
    const response = await fetch(request);
    const landed = new URL(response.url || request.url);
    if (landed.pathname === '/login') {
      // Not (or no longer) signed in: nothing of an agent's stays on this device.
      await signOut();
    } else if (response.ok && response.type === 'basic' && (await signedIn())) {
      const cache = await caches.open(PAGES_CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch {
    if (await signedIn()) {
      const cached = await (await caches.open(PAGES_CACHE)).match(request, { ignoreVary: true, ignoreSearch: false });
      if (cached) return cached;
    }
    return offlinePage();
  }
};

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isStatic(url)) return event.respondWith(cacheFirst(request));
  if (isShellFile(url)) return event.respondWith(staleWhileRevalidate(request));
  if (isPage(request, url)) return event.respondWith(networkFirstPage(request));
  // Everything else (API, RSC payloads, realtime, uploads) goes to the network untouched.
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'signed-in') {
    // The page's own static files, so the app opens offline from its first visit.
    const assets = (Array.isArray(data.assets) ? data.assets : []).filter((asset) => {
      try {
        const url = new URL(asset, self.location.origin);
        return url.origin === self.location.origin && isStatic(url);
      } catch {
        return false;
      }
    });
    event.waitUntil(
      caches
        .open(PAGES_CACHE)
        .then(() => caches.open(STATIC_CACHE))
        .then((cache) => Promise.all(assets.map((asset) => cache.match(asset).then((hit) => hit || cache.add(asset).catch(() => undefined))))),
    );
  } else if (data.type === 'signed-out') {
    event.waitUntil(signOut());
  }
});

const setBadge = async (count) => {
  const navigatorWithBadge = self.navigator;
  if (typeof count !== 'number' || !navigatorWithBadge || !('setAppBadge' in navigatorWithBadge)) return;
  try {
    if (count > 0) await navigatorWithBadge.setAppBadge(count);
    else await navigatorWithBadge.clearAppBadge();
  } catch {
    // Not allowed here (no installed app): the badge is a nicety.
  }
};

self.addEventListener('push', (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { body: event.data ? event.data.text() : '' };
  }
  const url = typeof payload.url === 'string' && payload.url.startsWith('/') ? payload.url : '/notifications';
  event.waitUntil(
    Promise.all([
      setBadge(payload.unread),
      self.registration.showNotification(payload.title || 'bandeja', {
        body: payload.body || '',
        // A newer push of the same conversation replaces the older one on the device.
        tag: payload.tag || undefined,
        renotify: Boolean(payload.tag),
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        timestamp: Date.now(),
        data: { url, notificationId: payload.notificationId, conversationId: payload.conversationId, type: payload.type },
      }),
    ]),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  // Only a path of this app: a payload's URL never sends the agent to another site.
  const asked = new URL((event.notification.data && event.notification.data.url) || '/all', self.location.origin);
  const target = asked.origin === self.location.origin ? asked.href : new URL('/all', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        if ('navigate' in open) return open.navigate(target).catch(() => self.clients.openWindow(target));
        return undefined;
      }
      return self.clients.openWindow(target);
    }),
  );
});

// The browser renewed the subscription (expiry, key rotation): store the new one for the same agent
// (the session cookie goes with this same-origin request).
self.addEventListener('pushsubscriptionchange', (event) => {
  const options = event.oldSubscription && event.oldSubscription.options;
  if (!options || !options.applicationServerKey) return;
  event.waitUntil(
    self.registration.pushManager
      .subscribe({ userVisibleOnly: true, applicationServerKey: options.applicationServerKey })
      .then((subscription) => fetch('/api/push', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(subscription) }))
      .catch(() => undefined),
  );
});
