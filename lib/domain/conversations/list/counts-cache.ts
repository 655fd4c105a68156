// Counts read by many requests in a row (the views panel is on every page and every live re-read),
// kept for a few seconds per key in this process: a read within `maxAgeMs` of the last load of its
// key gets that load's answer, and reads that come while a load runs share it (one query for a
// burst). maxAgeMs 0 always loads, and what it loads replaces the entry for the reads after it. A
// failed load is forgotten. Keys must hold everything the answer depends on, account included.
type Entry = { at: number; value: Promise<unknown> };

const MAX_ENTRIES = 10_000;

export const createCountsCache = () => {
  const entries = new Map<string, Entry>();
  return {
    read: <T>(key: string, { now, maxAgeMs }: { now: number; maxAgeMs: number }, load: () => PromiseLike<T>): Promise<T> => {
      const entry = entries.get(key);
      if (entry && maxAgeMs > 0 && now - entry.at <= maxAgeMs) return entry.value as Promise<T>;
      // A settled Promise of one run: a query builder is a thenable that runs again on every await.
      const value = Promise.resolve(load());
      // Deleted first, so the map's order is the entries' age (the oldest first).
      entries.delete(key);
      entries.set(key, { at: now, value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      // The oldest entries go when the map grows (every account and scope ever seen would otherwise stay).
      for (const oldest of entries.keys()) {
        if (entries.size <= MAX_ENTRIES) break;
        entries.delete(oldest);
      }
      return value;
    },
    // The next read of `key` loads, whatever its age.
    forget: (key: string) => void entries.delete(key),
    // The same for every key that starts with `prefix`.
    forgetPrefix: (prefix: string) => {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },
    clear: () => entries.clear(),
  };
};

export type CountsCache = ReturnType<typeof createCountsCache>;

const store = globalThis as unknown as { bandejaCountsCache?: CountsCache };
// The process's one cache (server.ts and the Next.js bundle share it through globalThis).
export const processCountsCache = (): CountsCache => (store.bandejaCountsCache ??= createCountsCache());
