'use client';

import { afterHydration } from '@/components/ui/lazy-component';

// What the dashboard does with nothing on screen of its own: its code loads once the page has
// hydrated (issue 16: JS per page). The phone's views drawer works by CSS (:target) until then; the
// workspace's shortcuts (help, palette, search, next and previous) answer a moment after the page
// shows, and mark <html data-keyboard="ready"> when they do; a hidden tab's browser notifications
// start a moment after its live connection opens.
export const BrowserNotifier = afterHydration(() => import('@/components/notifications/browser-notifier').then((module) => module.BrowserNotifier));
export const ServiceWorkerRegistration = afterHydration(() => import('@/components/pwa/service-worker').then((module) => module.ServiceWorkerRegistration));
export const KeyboardShortcuts = afterHydration(() => import('@/components/keyboard/keyboard-shortcuts').then((module) => module.KeyboardShortcuts));
export const ViewsDrawer = afterHydration(() => import('./views-drawer').then((module) => module.ViewsDrawer));
