import { z } from 'zod';
import { conversationStatusEnum, priorityEnum } from '@/db/schema';
import type { TFilterFieldKind, TFilterOperator } from './filter-schema';

// A condition's value once checked: the only shapes the SQL builder ever sees. Strings stay strings
// (sent as parameters), numbers are finite, dates are real calendar dates.
export type TFilterValue =
  | { kind: 'none' }
  | { kind: 'strings'; values: string[] }
  | { kind: 'ids'; values: number[]; me: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'date'; date: string }
  | { kind: 'instant'; instant: string }
  | { kind: 'days'; days: number }
  | { kind: 'number'; value: string }
  | { kind: 'checkbox'; value: boolean };

const MAX_VALUES = 50;
const MAX_INT = 2_147_483_647;

const noControlCharacters = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

// One value or a list of them (equal / not_equal mean "is one of" / "is none of"), without repeats.
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1).max(MAX_VALUES)]).transform((value) => [...new Set((Array.isArray(value) ? value : [value]) as z.output<T>[])]);

// A row id: an integer of the database's int range (larger ones would make PostgreSQL fail).
export const ZFilterId = z
  .union([z.number(), z.string().regex(/^\d{1,10}$/).transform(Number)])
  .pipe(z.number().int().min(1).max(MAX_INT));

export const ZFilterText = z.string().trim().min(1).max(255).refine(noControlCharacters);

const ZStrings = (item: z.ZodType<string>) => oneOrMany(item).transform((values) => ({ kind: 'strings' as const, values }));

const ZIds = oneOrMany(ZFilterId).transform((values) => ({ kind: 'ids' as const, values, me: false }));

// 'me' is the signed-in agent, so a saved view "assigned to me" works for whoever opens it.
const ZAssignees = oneOrMany(z.union([z.literal('me'), ZFilterId])).transform((values) => ({
  kind: 'ids' as const,
  values: values.filter((value): value is number => value !== 'me'),
  me: values.includes('me'),
}));

const ZText = ZFilterText.transform((value) => ({ kind: 'text' as const, value }));

// A calendar date that exists (no 2024-02-30), in the years a support team can mean.
const isCalendarDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

// 'YYYY-MM-DD' (a day in the account's time zone) or a full ISO date-time with its offset (an instant).
export const ZFilterDate = z.string().transform((value, ctx) => {
  const date = DATE.exec(value);
  if (date && isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))) return { kind: 'date' as const, date: value };
  const dateTime = DATE_TIME.exec(value);
  const instant = new Date(value);
  // The instant itself must be in years 1000-9999 too: 9999-12-31T23:59-14:00 is in year 10000 in UTC,
  // which an ISO string writes as "+010000-…" and PostgreSQL refuses.
  const year = instant.getUTCFullYear();
  if (dateTime && isCalendarDate(Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3])) && year >= 1000 && year <= 9999) {
    return { kind: 'instant' as const, instant: instant.toISOString() };
  }
  ctx.addIssue({ code: 'custom', message: 'invalid_date' });
  return z.NEVER;
});

export const ZFilterDays = z
  .union([z.number(), z.string().regex(/^\d{1,4}$/).transform(Number)])
  .pipe(z.number().int().min(1).max(3650))
  .transform((days) => ({ kind: 'days' as const, days }));

// Numbers travel as decimal text and are cast to numeric in SQL, so no float rounding on the way.
export const ZFilterNumber = z
  .union([z.number().refine(Number.isFinite).transform(String), z.string().trim().regex(/^-?\d{1,15}(\.\d{1,15})?$/)])
  .transform((value) => ({ kind: 'number' as const, value }));

const ZCheckbox = z.boolean().transform((value) => ({ kind: 'checkbox' as const, value }));

const ZNone = z.unknown().transform(() => ({ kind: 'none' as const }));

const equalValues: Record<TFilterFieldKind, z.ZodType<TFilterValue, unknown>> = {
  status: ZStrings(z.enum(conversationStatusEnum.enumValues)),
  priority: ZStrings(z.enum(priorityEnum.enumValues)),
  inbox: ZIds,
  team: ZIds,
  label: ZIds,
  assignee: ZAssignees,
  contact_text: ZText,
  text: ZText,
  link: ZText,
  number: ZFilterNumber,
  date: ZFilterDate,
  timestamp: ZFilterDate,
  list: ZStrings(z.string().min(1).max(255)),
  checkbox: ZCheckbox,
};

// The schema of the value a (field kind, operator) pair takes. present / not_present take none, and
// ignore one if sent (a panel may leave the last typed text behind).
export const filterValueSchema = (kind: TFilterFieldKind, op: TFilterOperator): z.ZodType<TFilterValue, unknown> => {
  if (op === 'present' || op === 'not_present') return ZNone;
  if (op === 'last_n_days') return ZFilterDays;
  if (op === 'before' || op === 'after') return ZFilterDate;
  if (op === 'contains' || op === 'not_contains') return ZText;
  return equalValues[kind];
};
