'use client';

import { lazyComponent } from '@/components/ui/lazy-component';

// Web Push opt-in: it renders nothing until it has asked the browser (after hydration), so its
// code loads then, not with the page (issue 16: JS per page).
export const PushOptIn = lazyComponent(() => import('./push-opt-in').then((module) => module.PushOptIn));
