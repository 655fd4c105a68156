import { describe, expect, it } from 'vitest';
import { filterValueSchema, ZFilterDate, ZFilterNumber } from '@/lib/domain/conversations/filters/filter-values';
import { localDate } from '@/lib/domain/conversations/filters/local-date';

describe('filter values', () => {
  it('dates: real calendar days, or instants with an offset', () => {
    expect(ZFilterDate.parse('2024-02-29')).toEqual({ kind: 'date', date: '2024-02-29' });
    expect(ZFilterDate.parse('2024-05-01T10:00:00-06:00')).toEqual({ kind: 'instant', instant: '2024-05-01T16:00:00.000Z' });
    expect(ZFilterDate.parse('2024-05-01T10:00Z')).toEqual({ kind: 'instant', instant: '2024-05-01T10:00:00.000Z' });
    for (const value of ['2023-02-29', '2024-04-31', '0999-01-01', '2024-5-1', '2024-05-01T10:00:00', '2024-05-01T25:00:00Z', 'now', ' 2024-05-01']) {
      expect(ZFilterDate.safeParse(value).success, value).toBe(false);
    }
  });

  it('numbers: finite, as decimal text', () => {
    expect(ZFilterNumber.parse(12.5)).toEqual({ kind: 'number', value: '12.5' });
    expect(ZFilterNumber.parse(' -3 ')).toEqual({ kind: 'number', value: '-3' });
    for (const value of ['1e3', '', 'Infinity', Number.NaN, Number.POSITIVE_INFINITY, '1,5', '--1']) {
      expect(ZFilterNumber.safeParse(value).success, String(value)).toBe(false);
    }
  });

  it('ids and "me" for the assignee; lists deduplicated and capped', () => {
    expect(filterValueSchema('assignee', 'equal').parse(['me', 3, '3'])).toEqual({ kind: 'ids', values: [3], me: true });
    expect(filterValueSchema('label', 'equal').parse('7')).toEqual({ kind: 'ids', values: [7], me: false });
    expect(filterValueSchema('label', 'equal').safeParse('me').success).toBe(false);
    expect(filterValueSchema('inbox', 'equal').safeParse('12345678901').success).toBe(false);
    expect(filterValueSchema('status', 'equal').parse(['open', 'open'])).toEqual({ kind: 'strings', values: ['open'] });
    expect(filterValueSchema('status', 'equal').safeParse(Array(51).fill('open')).success).toBe(false);
  });

  it('present / not present ignore a leftover value', () => {
    expect(filterValueSchema('team', 'present').parse('anything')).toEqual({ kind: 'none' });
  });

  it("a day in the account's time zone", () => {
    expect(localDate(new Date('2024-05-01T03:00:00Z'), 'America/Mexico_City')).toBe('2024-04-30');
    expect(localDate(new Date('2024-05-01T03:00:00Z'), 'UTC')).toBe('2024-05-01');
    expect(localDate(new Date('2024-12-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2025-01-01');
  });
});
