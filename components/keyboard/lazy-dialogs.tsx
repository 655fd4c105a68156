'use client';

import { afterHydration, lazyClientComponent } from '@/components/ui/lazy-component';
import { useState } from 'react';

// The command palette, the assign and label pickers and the shortcuts table are loaded the first
// time one opens, not with every page (issue 16: JS per page). They need JavaScript anyway.
export const PickerDialog = lazyClientComponent(() => import('./picker-dialog').then((module) => module.PickerDialog));
export const ShortcutsHelp = lazyClientComponent(() => import('./shortcuts-help').then((module) => module.ShortcutsHelp));

// The open conversation's shortcuts show nothing until a picker opens: their code loads after the
// page has hydrated, and the workspace's shortcuts fetch it ahead (keyboard-shortcuts.tsx), so a
// conversation opened later answers its keys at once.
export const ConversationKeyboard = afterHydration(() => import('./conversation-keyboard').then((module) => module.ConversationKeyboard));

// Whether a lazy dialog should be rendered: from its first opening on, so closing it still runs its
// own close (focus given back) rather than unmounting it.
export const useOpenedOnce = (open: boolean): boolean => {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
};
