import { lazy, Suspense, useState, type ComponentType } from 'react';

// A client component whose code loads the first time it renders (React.lazy), server-rendered like
// any other, so forms keep working without JavaScript (issue 16: JS per page). Not next/dynamic: its
// server render adds <link rel="preload" as="script"> tags without the CSP nonce, which the page's
// policy ('strict-dynamic') blocks; chunks the webpack runtime loads are allowed. `preload()` fetches
// the code ahead of the first render.
// Only for components whose server HTML holds nothing the agent types into or sees change: a page
// update (a live refresh) that reaches the boundary while its code is still loading makes React drop
// the server's HTML and render it anew (a form's typed text lost, a dialog shown twice for a moment).
// The contact dialogs, the filter form and a saved view's settings were lazy and did that: they are
// in their pages' chunks again.
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
  const LazyComponent = (props: Props) => (
    <Suspense fallback={null}>
      <Lazy {...props} />
    </Suspense>
  );
  return Object.assign(LazyComponent, { preload, loaded: () => loaded });
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
