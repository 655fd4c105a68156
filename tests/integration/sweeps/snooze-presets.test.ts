import { describe, expect, it } from 'vitest';
import { snoozeUntil } from '@/lib/domain/conversations/actions/snooze-presets';

// Pure (no database); kept beside the other snooze tests.
const mexico = (now: string) => ({ now: new Date(now), timeZone: 'America/Mexico_City' });
const madrid = (now: string) => ({ now: new Date(now), timeZone: 'Europe/Madrid' });
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('snoozeUntil (C2 snooze presets in the agent\'s time zone)', () => {
  it('"until the next reply" has no time', () => {
    expect(snoozeUntil('next_reply', mexico('2025-03-11T15:00:00Z'))).toBeNull();
  });

  it('"tomorrow" is 09:00 of the agent\'s next day, by their calendar, not UTC\'s (America/Mexico_City, UTC-6)', () => {
    // Monday 10 March, 23:30 in Mexico City is already Tuesday in UTC: tomorrow is still Tuesday.
    expect(iso(snoozeUntil('tomorrow', mexico('2025-03-11T05:30:00Z')))).toBe('2025-03-11T15:00:00.000Z');
    expect(iso(snoozeUntil('tomorrow', mexico('2025-03-11T15:00:00Z')))).toBe('2025-03-12T15:00:00.000Z');
    // Just after midnight in Madrid (UTC still says the previous day).
    expect(iso(snoozeUntil('tomorrow', madrid('2025-03-10T23:30:00Z')))).toBe('2025-03-12T08:00:00.000Z');
    // Across a month and a year end.
    expect(iso(snoozeUntil('tomorrow', mexico('2025-12-31T20:00:00Z')))).toBe('2026-01-01T15:00:00.000Z');
  });

  it('"next week" is next Monday at 09:00; on a Monday it is the Monday after; on a Sunday it is tomorrow', () => {
    // Monday 10 March (local) → Monday 17.
    expect(iso(snoozeUntil('next_week', mexico('2025-03-11T05:30:00Z')))).toBe('2025-03-17T15:00:00.000Z');
    // Tuesday 11, Saturday 15 → Monday 17.
    expect(iso(snoozeUntil('next_week', mexico('2025-03-11T15:00:00Z')))).toBe('2025-03-17T15:00:00.000Z');
    expect(iso(snoozeUntil('next_week', mexico('2025-03-15T18:00:00Z')))).toBe('2025-03-17T15:00:00.000Z');
    // Sunday 16 → Monday 17.
    expect(iso(snoozeUntil('next_week', mexico('2025-03-16T18:00:00Z')))).toBe('2025-03-17T15:00:00.000Z');
    // Monday 17 at 08:00, before the wake hour, is still "next week".
    expect(iso(snoozeUntil('next_week', mexico('2025-03-17T14:00:00Z')))).toBe('2025-03-24T15:00:00.000Z');
  });

  it('follows Europe/Madrid across the spring-forward night (UTC+1 → UTC+2)', () => {
    // Saturday 29 March 2025, 12:00 CET. Sunday 09:00 is CEST.
    expect(iso(snoozeUntil('tomorrow', madrid('2025-03-29T11:00:00Z')))).toBe('2025-03-30T07:00:00.000Z');
    expect(iso(snoozeUntil('next_week', madrid('2025-03-29T11:00:00Z')))).toBe('2025-03-31T07:00:00.000Z');
    // A week earlier the same Monday 09:00 was CET.
    expect(iso(snoozeUntil('next_week', madrid('2025-03-22T11:00:00Z')))).toBe('2025-03-24T08:00:00.000Z');
  });

  it('follows Europe/Madrid across the fall-back night (UTC+2 → UTC+1)', () => {
    expect(iso(snoozeUntil('tomorrow', madrid('2025-10-25T10:00:00Z')))).toBe('2025-10-26T08:00:00.000Z');
    expect(iso(snoozeUntil('next_week', madrid('2025-10-25T10:00:00Z')))).toBe('2025-10-27T08:00:00.000Z');
  });

  it('follows Mexico City\'s former daylight saving time (April 2022)', () => {
    // Saturday 2 April 2022, 12:00 CST (UTC-6); Sunday 09:00 was CDT (UTC-5).
    expect(iso(snoozeUntil('tomorrow', mexico('2022-04-02T18:00:00Z')))).toBe('2022-04-03T14:00:00.000Z');
  });

  it('a picked date and time is read in the agent\'s zone', () => {
    expect(iso(snoozeUntil({ at: '2025-07-01T18:45' }, madrid('2025-03-29T11:00:00Z')))).toBe('2025-07-01T16:45:00.000Z');
    expect(iso(snoozeUntil({ at: '2025-07-01T18:45' }, mexico('2025-03-29T11:00:00Z')))).toBe('2025-07-02T00:45:00.000Z');
    expect(iso(snoozeUntil({ at: '2025-07-01T18:45:30' }, madrid('2025-03-29T11:00:00Z')))).toBe('2025-07-01T16:45:30.000Z');
  });

  it('a picked time that the clocks skip moves forward; one they repeat is the first of the two', () => {
    // 02:30 does not exist in Madrid on 30 March 2025: it is 03:30 CEST.
    expect(iso(snoozeUntil({ at: '2025-03-30T02:30' }, madrid('2025-03-29T11:00:00Z')))).toBe('2025-03-30T01:30:00.000Z');
    // 02:30 happens twice on 26 October 2025: the first (CEST) one.
    expect(iso(snoozeUntil({ at: '2025-10-26T02:30' }, madrid('2025-10-25T10:00:00Z')))).toBe('2025-10-26T00:30:00.000Z');
  });

  it('refuses a picked time that is not in the future, or not a calendar time, with INVALID_INPUT until', () => {
    const now = madrid('2025-03-29T11:00:00Z');
    for (const at of ['2025-03-29T12:00', '2025-03-29T11:59', '2025-02-30T10:00', '2025-03-31T24:00', '2025-03-31 10:00', 'tomorrow']) {
      expect(() => snoozeUntil({ at }, now)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'until' } }));
    }
    // One minute after now (12:00 CET) is fine.
    expect(iso(snoozeUntil({ at: '2025-03-29T12:01' }, now))).toBe('2025-03-29T11:01:00.000Z');
  });

  it('an unknown time zone falls back to UTC rather than failing', () => {
    expect(iso(snoozeUntil('tomorrow', { now: new Date('2025-03-11T15:00:00Z'), timeZone: 'Not/AZone' }))).toBe('2025-03-12T09:00:00.000Z');
  });
});
