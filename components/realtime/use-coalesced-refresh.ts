'use client';

import { useCallback, useEffect, useRef } from 'react';
import { isLazyCodeLoading } from '@/components/ui/lazy-code-loading';

// A burst of events (one change publishes several; a bulk action many) is one re-read: the page's
// re-render waits this long after the first event...
export const REFRESH_DELAY_MS = 300;
// ...and the targeted re-reads of the chat and the list this long (the events of one change arrive
// within milliseconds of each other).
export const QUICK_DELAY_MS = 50;
// Re-reads never come closer together than this, however busy the inboxes are.
export const REFRESH_MIN_INTERVAL_MS = 1000;
// What can wait (the page's counts after a change to a conversation the agent does not have open:
// the list re-reads its cards itself) waits this long. Every open tab of an inbox re-renders its
// page after each change; at this pace 50 agents cost the server at most 5 page renders a second
// whatever the traffic, instead of one per agent per change (bench/README.md "Sixth round").
export const BACKGROUND_REFRESH_MS = 10_000;

// The agent's own form posts (server actions) re-render the page themselves, and Next.js runs them
// one at a time with re-renders: a re-read queued just before a click would make the click wait.
// So re-reads hold back while the agent is acting, until this long after their last post.
export const LOCAL_ACTION_QUIET_MS = 1500;
let lastLocalAction = 0;
const LAZY_CODE_POLL_MS = 50;
export const noteLocalAction = (): void => {
  lastLocalAction = Date.now();
};

// When a re-read asked for at `now`, willing to wait `wait`, runs: never closer than
// REFRESH_MIN_INTERVAL_MS to the previous run; null when the run already due (`pendingAt`) comes no
// later, since one run answers every request made before it. (bench/http/refresh-simulation.ts
// replays events through this same rule.)
export const nextRunAt = (now: number, wait: number, lastRun: number, pendingAt: number | null): number | null => {
  const at = Math.max(now + wait, lastRun + REFRESH_MIN_INTERVAL_MS);
  return pendingAt !== null && pendingAt <= at ? null : at;
};

// Returns `request(wait?)`: runs `run` once, `delay` (or `wait`) after the first request of a burst
// and at least REFRESH_MIN_INTERVAL_MS after the previous run; a request that needs it sooner than
// the one pending brings the run forward (one run answers every request made before it). A hidden
// tab does not re-read at all: it runs once when it becomes visible again. `holdForLazyCode`: the
// page's own re-render (router.refresh) also waits while a lazy part of the page loads its code; the
// list's and the chat's re-reads touch only their own state, so they need not.
export const useCoalescedRefresh = (run: () => void, delay: number = REFRESH_DELAY_MS, { holdForLazyCode = false } = {}): ((wait?: number) => void) => {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dueAt = useRef(0);
  const lastRun = useRef(0);
  const pendingWhileHidden = useRef(false);
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });

  const fire = useCallback(() => {
    timer.current = null;
    const quietAt = lastLocalAction + LOCAL_ACTION_QUIET_MS;
    if (quietAt > Date.now()) {
      dueAt.current = quietAt;
      timer.current = setTimeout(fire, quietAt - Date.now());
      return;
    }
    // A lazy part of the page still loading its code would lose its server HTML to the re-render.
    if (holdForLazyCode && isLazyCodeLoading()) {
      dueAt.current = Date.now() + LAZY_CODE_POLL_MS;
      timer.current = setTimeout(fire, LAZY_CODE_POLL_MS);
      return;
    }
    if (document.visibilityState === 'hidden') {
      pendingWhileHidden.current = true;
      return;
    }
    lastRun.current = Date.now();
    latest.current();
  }, [holdForLazyCode]);

  const request = useCallback(
    (wait?: number) => {
      const now = Date.now();
      const at = nextRunAt(now, typeof wait === 'number' ? wait : delay, lastRun.current, timer.current ? dueAt.current : null);
      if (at === null) return;
      if (timer.current) clearTimeout(timer.current);
      dueAt.current = at;
      timer.current = setTimeout(fire, at - now);
    },
    [fire, delay],
  );

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || !pendingWhileHidden.current) return;
      pendingWhileHidden.current = false;
      request();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [request]);

  return request;
};
