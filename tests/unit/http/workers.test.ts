import { describe, expect, it } from 'vitest';
import { workerCount } from '@/lib/http/workers';

describe('WEB_CONCURRENCY', () => {
  it('is one process unless asked for more', () => {
    expect(workerCount({})).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: ' ' })).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: '1' })).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: '4', DATABASE_URL: 'postgres://db/bandeja' })).toBe(4);
  });

  it('refuses a count that is not a whole number from 1 to 64', () => {
    for (const value of ['0', '-2', '1.5', 'many', '65']) expect(() => workerCount({ WEB_CONCURRENCY: value, DATABASE_URL: 'postgres://db/bandeja' })).toThrow(/WEB_CONCURRENCY must be a whole number from 1 to 64/);
  });

  it('needs PostgreSQL for more than one: the embedded database lives in one process', () => {
    expect(() => workerCount({ WEB_CONCURRENCY: '2' })).toThrow(/needs DATABASE_URL/);
  });
});
