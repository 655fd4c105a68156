'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect } from 'react';
import { focusCard, focusConversation, isVisible, neighbourLink } from './list-navigation';

// The open conversation as the keyboard sees it; openNext is the agent's "after resolving, open the
// next one" preference (users.preferences.openNextAfterResolve).
export const TriageContext = createContext<{ openNext: boolean }>({ openNext: false });

type Next = { href: string; id: string } | null;

// Set when a resolve, pending or snooze form is submitted; used once when its action succeeds.
let remembered: Next | undefined;

// Called as a status or snooze form of the chat header submits: the next conversation of the list is
// read now, before the refreshed list drops the one being resolved. Reopening moves nothing.
export const rememberNextConversation = (form: EventTarget) => {
  if (!(form instanceof HTMLFormElement)) return;
  const status = form.querySelector<HTMLInputElement>('input[name="status"]')?.value;
  if (status === 'open') {
    remembered = undefined;
    return;
  }
  const link = neighbourLink(1) ?? neighbourLink(-1);
  const id = link?.dataset.conversationLink;
  remembered = link && id && !link.closest('[aria-current="true"]') ? { href: link.getAttribute('href') ?? link.href, id } : null;
};

// After a resolve / pending / snooze succeeded: open the next conversation (preference on) or put the
// focus on its card; never leave it on the page body. Without a next one, the status button keeps it.
export const useAfterTriage = (...states: Array<{ ok?: boolean }>) => {
  const { openNext } = useContext(TriageContext);
  const router = useRouter();
  useEffect(() => {
    if (remembered === undefined || !states.some((state) => state.ok)) return;
    const next = remembered;
    remembered = undefined;
    if (next && openNext) {
      router.push(next.href);
      focusConversation(next.id);
      return;
    }
    if (next && isVisible(document.querySelector(`a[data-conversation-link="${next.id}"]`))) return focusCard(next.id);
    document.querySelector<HTMLElement>('[data-status-actions] button')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, states);
};
