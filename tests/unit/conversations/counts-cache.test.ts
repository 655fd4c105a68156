import { describe, expect, it } from 'vitest';
import { createCountsCache } from '@/lib/domain/conversations/list/counts-cache';

describe('the counts cache', () => {
  it('answers from the last load within maxAgeMs, and loads again after it', async () => {
    const cache = createCountsCache();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.read('k', { now: 1_000, maxAgeMs: 5_000 }, load)).toBe(1);
    expect(await cache.read('k', { now: 6_000, maxAgeMs: 5_000 }, load)).toBe(1);
    expect(await cache.read('k', { now: 6_001, maxAgeMs: 5_000 }, load)).toBe(2);
    // Another key is another answer.
    expect(await cache.read('other', { now: 6_001, maxAgeMs: 5_000 }, load)).toBe(3);
  });

  it('shares one load among the reads that come while it runs', async () => {
    const cache = createCountsCache();
    let loads = 0;
    let finish: (value: number) => void = () => {};
    const load = () => {
      loads += 1;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const first = cache.read('k', { now: 0, maxAgeMs: 5_000 }, load);
    const second = cache.read('k', { now: 10, maxAgeMs: 5_000 }, load);
    finish(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(loads).toBe(1);
  });

  it('maxAgeMs 0 always loads, and later reads get what it loaded', async () => {
    const cache = createCountsCache();
    let value = 1;
    const load = async () => value;
    await cache.read('k', { now: 0, maxAgeMs: 5_000 }, load);
    value = 2;
    expect(await cache.read('k', { now: 1, maxAgeMs: 5_000 }, load)).toBe(1);
    expect(await cache.read('k', { now: 2, maxAgeMs: 0 }, load)).toBe(2);
    value = 3;
    expect(await cache.read('k', { now: 3, maxAgeMs: 5_000 }, load)).toBe(2);
  });

  it('forgets a failed load: the next read tries again', async () => {
    const cache = createCountsCache();
    await expect(cache.read('k', { now: 0, maxAgeMs: 5_000 }, async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.read('k', { now: 1, maxAgeMs: 5_000 }, async () => 7)).toBe(7);
  });

  it('runs a query builder (a thenable that runs on every await) once for all its readers', async () => {
    const cache = createCountsCache();
    let runs = 0;
    const builder = { then: (resolve: (value: number) => void) => resolve(++runs) } as PromiseLike<number>;
    expect(await cache.read('k', { now: 0, maxAgeMs: 5_000 }, () => builder)).toBe(1);
    expect(await cache.read('k', { now: 1, maxAgeMs: 5_000 }, () => builder)).toBe(1);
    expect(runs).toBe(1);
  });
  it('keeps at most 10,000 entries, dropping the least recently loaded first', async () => {
    const cache = createCountsCache();
    const at = { now: 1_000, maxAgeMs: 60_000 };
    await cache.read('first', at, async () => 'first');
    for (let index = 0; index < 9_999; index++) await cache.read(`k${index}`, at, async () => index);
    // Loaded again later: now the newest.
    await cache.read('first', { now: 2_000, maxAgeMs: 0 }, async () => 'again');
    await cache.read('one more', at, async () => 'one more');
    expect(await cache.read('first', at, async () => 'reloaded')).toBe('again');
    expect(await cache.read('k0', at, async () => 'reloaded')).toBe('reloaded');
  });

  it('forgets every key of a prefix', async () => {
    const cache = createCountsCache();
    const at = { now: 1_000, maxAgeMs: 5_000 };
    for (const key of ['a:1', 'a:2', 'b:1']) await cache.read(key, at, async () => 'old');
    cache.forgetPrefix('a:');
    expect(await Promise.all(['a:1', 'a:2', 'b:1'].map((key) => cache.read(key, at, async () => 'new')))).toEqual(['new', 'new', 'old']);
  });
});
