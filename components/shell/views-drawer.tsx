'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';

// The phone's views drawer. Without JavaScript it is open while the URL's fragment is #views (CSS
// :target) and its links load new pages, which close it. With JavaScript the links navigate in the
// page (history.pushState), which leaves :target as it was, so the drawer would stay over the list
// it has just opened; here it is open by `data-open` instead (html[data-drawer] turns :target off):
// the #views links open it and give it the focus, its ✕ and backdrop links, Escape and any
// navigation close it. No history entry either way, so Back never reopens it.
// While the drawer is open the page behind it is inert: Tab stays in the drawer, as in a dialog.
const setDrawerOpen = (drawerId: string, pageId: string, open: boolean) => {
  document.getElementById(drawerId)?.toggleAttribute('data-open', open);
  const page = document.getElementById(pageId);
  if (page) page.inert = open;
};

// `pageId`: the element beside the drawer (the list and chat), inert while it is open.
export const ViewsDrawer = ({ drawerId, pageId }: { drawerId: string; pageId: string }) => {
  const pathname = usePathname();
  const search = useSearchParams();

  useEffect(() => {
    const drawer = document.getElementById(drawerId);
    if (!drawer) return;
    const wide = window.matchMedia('(min-width: 768px)');
    let opener: HTMLElement | null = null;
    const setOpen = (open: boolean) => setDrawerOpen(drawerId, pageId, open);
    // The focus leaves with it: back to ☰, or to the page when ☰ is gone (a navigation).
    const close = () => {
      if (!drawer.hasAttribute('data-open')) return;
      setOpen(false);
      const focused = document.activeElement;
      if (!(focused instanceof HTMLElement) || !drawer.contains(focused)) return;
      if (opener?.isConnected) opener.focus();
      else focused.blur();
    };
    // Opened by its URL (#views) before this ran: it stays open, now by data-open.
    if (drawer.matches(':target') && !wide.matches) setOpen(true);
    document.documentElement.setAttribute('data-drawer', '');

    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const href = link?.getAttribute('href');
      if (href === `#${drawerId}`) {
        event.preventDefault();
        opener = link as HTMLElement;
        // A menu left open in the page (the bell) would lie over the drawer.
        for (const menu of document.querySelectorAll<HTMLDetailsElement>('details[data-menu][open]')) menu.open = false;
        setOpen(true);
        drawer.querySelector<HTMLElement>('a[href="#"]')?.focus();
      } else if (link && drawer.contains(link)) {
        // ✕ and the backdrop close it in place; any other link (even to the view already shown) closes
        // it as it navigates.
        if (href === '#') event.preventDefault();
        close();
      }
    };
    // Escape belongs first to a menu open in the drawer (the bell) or to a modal dialog.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && drawer.hasAttribute('data-open') && !drawer.querySelector('details[data-menu][open]') && !document.querySelector('dialog:modal')) close();
    };
    // From md up the panel is a column, never a drawer (a phone turned, a window widened).
    const onWide = () => wide.matches && close();
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKeyDown);
    wide.addEventListener('change', onWide);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKeyDown);
      wide.removeEventListener('change', onWide);
      document.documentElement.removeAttribute('data-drawer');
      setOpen(false);
    };
  }, [drawerId, pageId]);

  // Any navigation (a view, a notification, the palette) closes it; the first render is no navigation.
  const place = `${pathname}?${search.toString()}`;
  const shown = useRef(place);
  useEffect(() => {
    if (shown.current === place) return;
    shown.current = place;
    setDrawerOpen(drawerId, pageId, false);
  }, [drawerId, pageId, place]);

  return null;
};
