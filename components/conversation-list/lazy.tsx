'use client';

import { lazyComponent } from '@/components/ui/lazy-component';

// The filter panel (`?panel=filter`) and a saved view's settings show on few list pages: their code
// loads when they render, not with every page (issue 16: JS per page). Rendered on the server all the
// same, so they work without JavaScript; live refreshes wait for their code (lazy-component.tsx).
export const FilterForm = lazyComponent(() => import('./filter-form').then((module) => module.FilterForm));
export const SavedViewSettings = lazyComponent(() => import('./saved-view-settings').then((module) => module.SavedViewSettings));
