import { lazy, Suspense, type ComponentType } from 'react';

// A client component whose code loads the first time it renders (React.lazy), server-rendered like
// any other, so forms keep working without JavaScript (issue 16: JS per page). Not next/dynamic: its
// server render adds <link rel="preload" as="script"> tags without the CSP nonce, which the page's
// policy ('strict-dynamic') blocks; chunks the webpack runtime loads are allowed.
export const lazyComponent = <Props extends object>(load: () => Promise<ComponentType<Props>>) => {
  const Lazy = lazy(async () => ({ default: await load() }));
  const LazyComponent = (props: Props) => (
    <Suspense fallback={null}>
      <Lazy {...props} />
    </Suspense>
  );
  return LazyComponent;
};
