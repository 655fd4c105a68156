import { lazy, Suspense, useState, useSyncExternalStore, type ComponentType } from 'react';

// A client component whose code loads the first time it renders (React.lazy), server-rendered like
// any other, so forms keep working without JavaScript (issue 16: JS per page). Not next/dynamic: its
// server render adds <link rel="preload" as="script"> tags without the CSP nonce, which the page's
// policy ('strict-dynamic') blocks; chunks the webpack runtime loads are allowed.
//
// `preload()` fetches the code ahead of the first render (after hydration, say). A component first
// mounted after hydration whose code is already here renders at once, without a Suspense pass, so a
// dialog opened by a shortcut is there for the very next keystroke. While hydrating (and on the
// server) it always goes through React.lazy, so the server's HTML and the client's tree agree.
const noSubscription = () => () => {};

export const lazyComponent = <Props extends object>(load: () => Promise<ComponentType<Props>>) => {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // a failed chunk load may be retried by the next render
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await preload() }));
  const LazyComponent = (props: Props) => {
    const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount it.
    const [Loaded] = useState(() => (hydrated ? loaded : undefined));
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
  return Object.assign(LazyComponent, { preload });
};
