'use client';

import { lazyClientComponent } from '@/components/ui/lazy-component';
import { useState } from 'react';

// The command palette, the assign and label pickers and the shortcuts table are loaded the first
// time one opens, not with every page (issue 16: JS per page). They need JavaScript anyway.
export const PickerDialog = lazyClientComponent(() => import('./picker-dialog').then((module) => module.PickerDialog));
export const ShortcutsHelp = lazyClientComponent(() => import('./shortcuts-help').then((module) => module.ShortcutsHelp));

// Whether a lazy dialog should be rendered: from its first opening on, so closing it still runs its
// own close (focus given back) rather than unmounting it.
export const useOpenedOnce = (open: boolean): boolean => {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
};
