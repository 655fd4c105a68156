import { dateTimeFormat } from '@/lib/format/intl-formats';

// The calendar day (YYYY-MM-DD) an instant falls on in a time zone: date attributes hold days,
// and "today" is the account's today, not the server's.
export const localDate = (instant: Date, timeZone: string): string => {
  const parts = dateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
};
