'use client';

import { useCallback, useEffect, useRef } from 'react';

// A burst of events (a bulk action, a busy inbox) is one re-read, not one per event.
export const REFRESH_DELAY_MS = 300;
// And re-reads never come closer together than this, however busy the inboxes are.
export const REFRESH_MIN_INTERVAL_MS = 1000;

// Returns `request()`: runs `run` once, REFRESH_DELAY_MS after the first request of a burst and at
// least REFRESH_MIN_INTERVAL_MS after the previous run. A hidden tab does not re-read at all: it
// runs once when it becomes visible again.
export const useCoalescedRefresh = (run: () => void): (() => void) => {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRun = useRef(0);
  const pendingWhileHidden = useRef(false);
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });

  const fire = useCallback(() => {
    timer.current = null;
    if (document.visibilityState === 'hidden') {
      pendingWhileHidden.current = true;
      return;
    }
    lastRun.current = Date.now();
    latest.current();
  }, []);

  const request = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(REFRESH_DELAY_MS, lastRun.current + REFRESH_MIN_INTERVAL_MS - Date.now());
    timer.current = setTimeout(fire, wait);
  }, [fire]);

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
