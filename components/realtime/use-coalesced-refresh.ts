'use client';

import { useCallback, useEffect, useRef } from 'react';

// A burst of events (one change publishes several; a bulk action many) is one re-read: the page's
// re-render waits this long after the first event...
export const REFRESH_DELAY_MS = 300;
// ...and the targeted re-reads of the chat and the list this long (the events of one change arrive
// within milliseconds of each other).
export const QUICK_DELAY_MS = 50;
// Re-reads never come closer together than this, however busy the inboxes are.
export const REFRESH_MIN_INTERVAL_MS = 1000;

// The agent's own form posts (server actions) re-render the page themselves, and Next.js runs them
// one at a time with re-renders: a re-read queued just before a click would make the click wait.
// So re-reads hold back while the agent is acting, until this long after their last post.
export const LOCAL_ACTION_QUIET_MS = 1500;
let lastLocalAction = 0;
export const noteLocalAction = (): void => {
  lastLocalAction = Date.now();
};

// Returns `request()`: runs `run` once, `delay` after the first request of a burst and at least
// REFRESH_MIN_INTERVAL_MS after the previous run. A hidden tab does not re-read at all: it runs
// once when it becomes visible again.
export const useCoalescedRefresh = (run: () => void, delay: number = REFRESH_DELAY_MS): (() => void) => {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
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
      timer.current = setTimeout(fire, quietAt - Date.now());
      return;
    }
    if (document.visibilityState === 'hidden') {
      pendingWhileHidden.current = true;
      return;
    }
    lastRun.current = Date.now();
    latest.current();
  }, []);

  const request = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(delay, lastRun.current + REFRESH_MIN_INTERVAL_MS - Date.now());
    timer.current = setTimeout(fire, wait);
  }, [fire, delay]);

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
