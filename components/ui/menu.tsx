'use client';

import { useEffect, useRef } from 'react';
import { placePopover, SHEET_MAX_WIDTH } from './place-popover';

type Props = React.ComponentProps<'details'> & { closeOnSubmit?: boolean; align?: 'start' | 'end' };

// The one dropdown of the app: a <details> (keyboard and no-JS friendly) whose panel (its first
// child after the <summary>) always stays inside the viewport. On a phone the panel is a bottom
// sheet (pure CSS in globals.css, so also without JavaScript); wider, it opens below its button
// (above when only there it fits), shifted inside the screen, re-placed on resize and scroll.
// With JavaScript it also closes on Escape, on a click outside it (or on the sheet's backdrop),
// when another menu opens, and (optionally) after one of its forms submits.
export const Menu = ({ closeOnSubmit = true, align = 'end', children, ...props }: Props) => {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const panel = () => menu.querySelector<HTMLElement>(':scope > :not(summary)');
    const place = () => {
      const target = panel();
      const anchor = menu.querySelector('summary');
      if (!target || !anchor || !menu.open) return;
      if (window.innerWidth <= SHEET_MAX_WIDTH) return target.removeAttribute('style');
      Object.assign(target.style, { position: 'fixed', top: '0px', left: '0px', right: 'auto', bottom: 'auto', marginTop: '0px', maxHeight: '', overflowY: 'auto' });
      const { width, height } = target.getBoundingClientRect();
      const spot = placePopover(anchor.getBoundingClientRect(), { width, height }, { width: window.innerWidth, height: window.innerHeight }, align);
      Object.assign(target.style, { top: `${spot.top}px`, left: `${spot.left}px`, maxHeight: `${spot.maxHeight}px` });
    };
    const close = () => menu.removeAttribute('open');
    const onToggle = () => (menu.open ? place() : panel()?.removeAttribute('style'));
    // The sheet's backdrop is the <details>' own ::before: a click on the element itself.
    const onPointer = (event: PointerEvent) => (!menu.contains(event.target as Node) || event.target === menu) && close();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && menu.open) {
        close();
        menu.querySelector('summary')?.focus();
      }
    };
    const onSubmit = () => closeOnSubmit && setTimeout(close, 0);
    const onMove = () => menu.open && place();
    menu.addEventListener('toggle', onToggle);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    menu.addEventListener('submit', onSubmit);
    window.addEventListener('resize', onMove);
    window.addEventListener('scroll', onMove, true);
    if (menu.open) place();
    return () => {
      menu.removeEventListener('toggle', onToggle);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      menu.removeEventListener('submit', onSubmit);
      window.removeEventListener('resize', onMove);
      window.removeEventListener('scroll', onMove, true);
    };
  }, [closeOnSubmit, align]);
  return (
    <details ref={ref} data-menu="" {...props}>
      {children}
    </details>
  );
};
