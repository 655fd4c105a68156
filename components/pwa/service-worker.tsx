'use client';

import { useEffect } from 'react';

// The caches public/sw.js keeps an agent's pages in; deleted at sign-out.
const PAGES_CACHE = 'bandeja-pages-v1';

// Registers the service worker (public/sw.js, same origin: no inline script, whatever the CSP) and
// tells it whether an agent is signed in. Signed in (the dashboard): it may keep pages for offline
// reloads, and gets this page's static files so the app opens offline from the first visit. Signed
// out (the sign-in page, where every sign-out lands): pages kept on this device are deleted and
// this browser's push subscription is dropped (the server already removed it at sign-out).
export const ServiceWorkerRegistration = ({ signedIn }: { signedIn: boolean }) => {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const registered = navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .catch(() => null);
    if (signedIn) {
      void registered.then((registration) => {
        const assets = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => new URL(name).pathname.startsWith('/_next/static/'));
        registration?.active?.postMessage({ type: 'signed-in', assets });
      });
      return;
    }
    void caches?.delete(PAGES_CACHE);
    void registered.then(async (registration) => {
      registration?.active?.postMessage({ type: 'signed-out' });
      const subscription = await registration?.pushManager?.getSubscription().catch(() => null);
      await subscription?.unsubscribe().catch(() => false);
    });
  }, [signedIn]);
  return null;
};
