'use client';

// The conversation list as the keyboard walks it: the cards' links in the order shown
// (data-conversation-link on PreviewCard), the open one marked aria-current.

const cardLinks = (): HTMLAnchorElement[] => [...document.querySelectorAll<HTMLAnchorElement>('a[data-conversation-link]')];

const isVisible = (element: Element | null): element is HTMLElement => element instanceof HTMLElement && element.offsetParent !== null;

const currentIndex = (links: HTMLAnchorElement[]) => {
  const focused = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (focused >= 0) return focused;
  return links.findIndex((link) => link.closest('[aria-current="true"]'));
};

// The link `step` cards away from the open (or focused) conversation; the first card when none is.
export const neighbourLink = (step: 1 | -1): HTMLAnchorElement | null => {
  const links = cardLinks();
  if (links.length === 0) return null;
  const index = currentIndex(links);
  if (index < 0) return step === 1 ? links[0] : links[links.length - 1];
  return links[index + step] ?? null;
};

// Focuses what stands for a conversation once the page shows it: its card when the list is visible
// (desktop), else the chat panel (a phone shows one panel at a time). Waits up to 5 s for the render.
export const focusConversation = (conversationId: string | null) => {
  const started = performance.now();
  const attempt = () => {
    const link = conversationId ? document.querySelector<HTMLAnchorElement>(`a[data-conversation-link="${conversationId}"]`) : null;
    // ConversationKeyboard marks the conversation the chat panel shows.
    const open = conversationId ? document.querySelector(`[data-open-conversation="${conversationId}"]`) : null;
    const panel = document.querySelector<HTMLElement>('[data-chat-panel]');
    if (open && link && isVisible(link)) return link.focus();
    if (open && isVisible(panel)) return panel.focus();
    if (performance.now() - started < 5_000) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
};

// Focuses the card of a conversation (or the first card) once the list page without it shows: for
// "back". The list is rendered anew by that navigation, so the card is looked up after it.
export const focusCard = (conversationId: string) => {
  const started = performance.now();
  const attempt = () => {
    if (document.querySelector(`[data-open-conversation="${conversationId}"]`) && performance.now() - started < 5_000) return requestAnimationFrame(attempt);
    const link = document.querySelector<HTMLAnchorElement>(`a[data-conversation-link="${conversationId}"]`) ?? cardLinks()[0];
    if (link && isVisible(link)) return link.focus();
    if (performance.now() - started < 5_000) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
};

// Waits for an element to appear and be visible, then focuses it.
export const focusWhenShown = (selector: string) => {
  const started = performance.now();
  const attempt = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (isVisible(element)) {
      element.focus();
      if (element instanceof HTMLInputElement) element.select();
      return;
    }
    if (performance.now() - started < 5_000) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
};

export { isVisible };
