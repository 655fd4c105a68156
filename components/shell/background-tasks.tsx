'use client';

import { afterHydration } from '@/components/ui/lazy-component';

// What the dashboard does with nothing on screen of its own: its code loads once the page has
// hydrated (issue 16: JS per page). The phone's views drawer works by CSS (:target) until then.
export const ServiceWorkerRegistration = afterHydration(() => import('@/components/pwa/service-worker').then((module) => module.ServiceWorkerRegistration));
export const ViewsDrawer = afterHydration(() => import('./views-drawer').then((module) => module.ViewsDrawer));
