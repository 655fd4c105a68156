'use client';

import dynamic from 'next/dynamic';

// The filter panel (`?panel=filter`) and a saved view's settings show on few list pages: their
// client components load when rendered, not with every page (issue 16: JS per page). Rendered on
// the server all the same, so they work without JavaScript.
export const FilterForm = dynamic(() => import('./filter-form').then((module) => module.FilterForm));
export const SavedViewSettings = dynamic(() => import('./saved-view-settings').then((module) => module.SavedViewSettings));
