'use client';

import { useRouter } from 'next/navigation';
import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  href: string;
  // Replace the history entry instead of adding one.
  replace?: boolean;
  // Scroll to the top of the new page (false: stay where the agent is, e.g. opening a dialog).
  scroll?: boolean;
  ref?: Ref<HTMLAnchorElement>;
};

// The app's link: a plain <a> (works without JavaScript, opens in a new tab with Ctrl or the middle
// button) that the App Router follows in place on a plain click. Never prefetched: every page of the
// app is rendered per request for its actor and has no loading boundary, so a prefetch brought back
// nothing the router could show, yet cost the server a render (18 of them per page load from the
// views panel, one `?details=1` render per conversation opened; bench/README.md "Whole-page speed").
// Instead of next/link, whose prefetching machinery was 3.4 kB (gzip) of every dashboard page.
export const Link = ({ href, replace = false, scroll = true, onClick, ref, ...props }: Props) => {
  const router = useRouter();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !isPlainClick(event)) return;
    const anchor = event.currentTarget;
    if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
    if (new URL(anchor.href).origin !== window.location.origin) return;
    event.preventDefault();
    if (replace) router.replace(href, { scroll });
    else router.push(href, { scroll });
  };
  return <a {...props} ref={ref} href={href} onClick={follow} />;
};

// A click the browser would follow in this tab: the main button, no modifier key.
const isPlainClick = (event: MouseEvent) => event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
