import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { trackLazyCode } from './lazy-code-loading';
import { useIsHydrating } from './use-is-hydrating';

// A client component whose code loads the first time it renders (React.lazy), server-rendered like
// any other, so forms keep working without JavaScript (issue 16: JS per page). Not next/dynamic: its
// server render adds <link rel="preload" as="script"> tags without the CSP nonce, which the page's
// policy ('strict-dynamic') blocks; chunks the webpack runtime loads are allowed. `preload()` fetches
// the code ahead of the first render.
// Live refreshes wait while its code is loading (lazy-code-loading.ts). Rendered by a client
// navigation, it shows once its code is here: the contact dialogs, which an agent opens and reads at
// once, are in their page's chunk (with them lazy, tests/e2e/workspace-layout found the message
// dialog not there yet, and contacts a hydration error).
export const lazyComponent = <Props extends object>(load: () => Promise<ComponentType<Props>>) => {
  const { preload, loaded } = codeLoader(() => trackLazyCode(load()));
  const Lazy = lazy(async () => ({ default: await preload() }));
  const LazyComponent = (props: Props) => (
    <Suspense fallback={null}>
      <Lazy {...props} />
    </Suspense>
  );
  return Object.assign(LazyComponent, { preload, loaded });
};

// A component's code fetched once, by whichever asks first (`preload`); `loaded` once it is here. A
// chunk that failed to load is fetched again by the next ask.
const codeLoader = <Props extends object>(load: () => Promise<ComponentType<Props>>) => {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return { preload, loaded: () => loaded };
};

// The same for a component that is never server-rendered (mounted by the agent's action, like the
// keyboard's dialogs): once its code is here (preload), it renders at once, without a Suspense pass,
// so a dialog opened by a shortcut is there for the very next keystroke. Not for server-rendered
// components: their hydration must go through the same React.lazy as the server's render.
export const lazyClientComponent = <Props extends object>(load: () => Promise<ComponentType<Props>>) => {
  const Component = lazyComponent(load);
  const ClientComponent = (props: Props) => {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount it.
    const [Loaded] = useState(Component.loaded);
    return Loaded ? <Loaded {...props} /> : <Component {...props} />;
  };
  return Object.assign(ClientComponent, { preload: Component.preload });
};

// A component with nothing to show of its own (a service worker's registration, the keyboard's
// shortcuts): never server-rendered, its code loads once the page has hydrated, so it is not part of
// what the page needs first. Mounted later (a client navigation) with its code already here
// (`preload()`, or an earlier mount), it renders at once.
export const afterHydration = <Props extends object>(load: () => Promise<ComponentType<Props>>) => {
  const { preload, loaded } = codeLoader(load);
  const AfterHydration = (props: Props) => {
    const hydrating = useIsHydrating();
    const [Loaded, setLoaded] = useState<ComponentType<Props> | undefined>(() => (hydrating ? undefined : loaded()));
    useEffect(() => {
      if (Loaded) return;
      let mounted = true;
      preload().then(
        (component) => mounted && setLoaded(() => component),
        () => undefined, // the page works without it until the next load
      );
      return () => void (mounted = false);
    }, [Loaded]);
    return Loaded ? <Loaded {...props} /> : null;
  };
  return Object.assign(AfterHydration, { preload });
};
