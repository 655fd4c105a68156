// How many lazy components' code (lazy-component.tsx) is loading in this tab. A page update that
// reaches a lazy boundary while its code is still loading makes React drop the server's HTML and
// render it anew (a form's typed text lost), so live refreshes wait while this is true
// (use-coalesced-refresh.ts).
let loading = 0;

export const isLazyCodeLoading = (): boolean => loading > 0;

// Counts `load` while it runs.
export const trackLazyCode = <T>(load: Promise<T>): Promise<T> => {
  loading += 1;
  return load.finally(() => {
    loading -= 1;
  });
};
