import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

// True while React hydrates the server's HTML (and on the server), false for a mount after it. A part
// that shows client state (the realtime connection's) renders as the server did while it hydrates:
// a part hydrated late (a Suspense boundary still streaming or loading code) may otherwise see that
// state already changed, and its render would not match the server's HTML (React #418).
export const useIsHydrating = () =>
  useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
