'use client';

import { useEffect, useRef, useState, type FocusEvent } from 'react';

// On a phone the composer is one line until focused (CSS :focus-within). Leaving it with a tap
// elsewhere would collapse it in the middle of that tap: the page shifts between the pointer going
// down and coming up, and the tap lands on nothing (a message's ⋯ menu, say). `open` (the form's
// data-open) keeps it expanded until the tap that took the focus away has ended; a focus that
// leaves by keyboard collapses it at once.
export const useComposerOpen = () => {
  const [open, setOpen] = useState(false);
  const pointerDown = useRef(false);
  useEffect(() => {
    const down = () => {
      pointerDown.current = true;
    };
    const up = () => {
      pointerDown.current = false;
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
    };
  }, []);

  const onFocus = () => setOpen(true);
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const form = event.currentTarget;
    if (event.relatedTarget instanceof Node && form.contains(event.relatedTarget)) return;
    const collapse = () => {
      if (!form.contains(document.activeElement)) setOpen(false);
    };
    if (!pointerDown.current) return collapse();
    // After the tap's click has run (it is dispatched right after pointerup).
    document.addEventListener('pointerup', () => setTimeout(collapse, 0), { once: true });
    document.addEventListener('pointercancel', () => setTimeout(collapse, 0), { once: true });
  };
  return { open, onFocus, onBlur };
};
