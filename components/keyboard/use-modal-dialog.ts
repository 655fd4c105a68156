'use client';

import { useEffect, useRef, type RefObject } from 'react';

// Takes the focus out of a <dialog> that is closing, at once. The browser gives the focus back to
// where it was only when that was a control; from the page body it leaves it on the closed dialog's
// hidden field, where the next shortcut reads as typing (Alt+A would do nothing), until the close
// event, a task a busy browser runs after the next keydown. So the focus goes back here, before
// the dialog closes: to the control that had it, or to the page.
const leave = (dialog: HTMLDialogElement, returnTo: Element | null) => {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !dialog.contains(focused)) return;
  if (returnTo instanceof HTMLElement && returnTo !== document.body && returnTo.isConnected && !returnTo.closest('dialog:not([open])') && returnTo.getClientRects().length > 0) returnTo.focus();
  // The page body cannot take the focus; blurring gives it to the body.
  if (dialog.contains(document.activeElement)) focused.blur();
};

// A modal dialog driven by `open`: showModal() and `focus` when it opens; when it closes, by Escape
// or by `open` turning false, the focus leaves it at once (above). `onClose` runs when the browser
// closes it (Escape): at `cancel`, before the close, and again at `close` (a browser that skips
// `cancel` for an Escape without a user action since the opening, as Chromium 120-124 did), so it
// must be idempotent.
export const useModalDialog = (open: boolean, onClose: () => void, focus: () => void): RefObject<HTMLDialogElement | null> => {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  const callbacks = useRef({ onClose, focus });
  useEffect(() => {
    callbacks.current = { onClose, focus };
  });
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current = document.activeElement;
      element.showModal();
      callbacks.current.focus();
    }
    if (!open && element.open) {
      leave(element, returnTo.current);
      element.close();
    }
  }, [open]);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const onEnd = () => {
      leave(element, returnTo.current);
      callbacks.current.onClose();
    };
    // A close event comes late: by then the dialog may be open again (Escape, then its shortcut at
    // once), and that opening must stand.
    const onClosed = () => {
      if (!element.open) onEnd();
    };
    element.addEventListener('cancel', onEnd);
    element.addEventListener('close', onClosed);
    return () => {
      element.removeEventListener('cancel', onEnd);
      element.removeEventListener('close', onClosed);
    };
  }, []);
  return dialog;
};
