'use client';

import { useEffect } from 'react';

type BadgingNavigator = Navigator & { setAppBadge?: (count?: number) => Promise<void>; clearAppBadge?: () => Promise<void> };

// The unread notifications count on the installed app's icon (Badging API, where the browser has
// it: installed Chromium apps, Safari on iOS home-screen apps). The service worker sets it too when
// a push arrives with the app closed.
export const AppBadge = ({ count }: { count: number }) => {
  useEffect(() => {
    const badging = navigator as BadgingNavigator;
    if (!badging.setAppBadge) return;
    void (count > 0 ? badging.setAppBadge(count) : (badging.clearAppBadge?.() ?? badging.setAppBadge(0))).catch(() => undefined);
  }, [count]);
  return null;
};
