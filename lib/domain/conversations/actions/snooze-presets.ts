import { dateTimeFormat, isKnownTimeZone } from '@/lib/format/intl-formats';
import { z } from 'zod';
import { DomainError } from '../../errors';

// C2's snooze choices: until the customer's next reply, until tomorrow, until next week, or until a
// local date and time the agent picks ("2025-03-30T09:00").
export const ZSnoozePreset = z.union([
  z.enum(['next_reply', 'tomorrow', 'next_week']),
  z.object({ at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/) }),
]);
export type TSnoozePreset = z.infer<typeof ZSnoozePreset>;

export type SnoozeUntilOptions = { now: Date; timeZone: string };

// "Tomorrow" and "next week" start the agent's working day at this hour.
const WAKE_HOUR = 9;
const DAY_MS = 86_400_000;

type LocalTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

// An unknown zone (a bad users.time_zone) must not make snoozing fail: fall back to UTC, as the
// activity sentences do.
const usableZone = (timeZone: string): string => (isKnownTimeZone(timeZone) ? timeZone : 'UTC');

// The wall-clock time an instant shows in a zone.
const localTimeOf = (instant: number, timeZone: string): LocalTime => {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
};

const asUtc = (t: LocalTime): number => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

// The zone's offset from UTC (ms) at an instant, whole seconds (Intl shows no milliseconds).
const offsetAt = (instant: number, timeZone: string): number => {
  const whole = Math.floor(instant / 1000) * 1000;
  return asUtc(localTimeOf(whole, timeZone)) - whole;
};

// The instant a wall-clock time happens in a zone, DST-correct. Offsets a day either side cover
// every transition: a time that happens twice (clocks go back) is the first one; a time skipped
// (clocks go forward) moves forward by the gap, so 02:30 on the spring-forward night is 03:30,
// as calendar apps (and Temporal's "compatible") do.
const instantOf = (local: LocalTime, timeZone: string): number => {
  const wall = asUtc(local);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter((instant) => asUtc(localTimeOf(instant, timeZone)) === wall);
  return candidates.length ? Math.min(...candidates) : wall - before;
};

// The local date `days` after the one the instant shows, at WAKE_HOUR.
const dayAtWakeHour = (today: LocalTime, days: number): LocalTime => {
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: WAKE_HOUR, minute: 0, second: 0 };
};

// A custom "YYYY-MM-DDTHH:mm[:ss]" as a local time, or null when no such calendar time exists.
const parseLocal = (at: string): LocalTime | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(at);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((value) => Number(value ?? 0));
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return valid ? { year, month, day, hour, minute, second } : null;
};

// When a snooze chosen in the agent's time zone ends: null for "until the customer's next reply";
// tomorrow at 09:00; next Monday at 09:00 (a week on when today is Monday); or the picked local
// time, which must be in the future (INVALID_INPUT `until` otherwise).
export const snoozeUntil = (preset: TSnoozePreset, { now, timeZone }: SnoozeUntilOptions): Date | null => {
  const zone = usableZone(timeZone);
  const today = localTimeOf(now.getTime(), zone);
  if (preset === 'next_reply') return null;
  if (preset === 'tomorrow') return new Date(instantOf(dayAtWakeHour(today, 1), zone));
  if (preset === 'next_week') {
    const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    // Days until the next Monday: Sunday (0) → 1, Monday (1) → 7, Tuesday (2) → 6, ...
    const days = ((8 - weekday) % 7) || 7;
    return new Date(instantOf(dayAtWakeHour(today, days), zone));
  }
  const local = parseLocal(preset.at);
  if (!local) throw new DomainError('INVALID_INPUT', { field: 'until' });
  const until = instantOf(local, zone);
  if (until <= now.getTime()) throw new DomainError('INVALID_INPUT', { field: 'until' });
  return new Date(until);
};
