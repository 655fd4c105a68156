import { numberFormat } from './intl-formats';

// How long something has waited, as a duration in the reader's locale ("2 hours", "3 días"):
// the largest whole unit, at least one minute.
export const formatWaitingTime = (since: Date, now: Date, locale: string) => {
  const minutes = Math.max(1, Math.floor((now.getTime() - since.getTime()) / 60_000));
  const [value, unit] = minutes < 60 ? [minutes, 'minute'] : minutes < 60 * 24 ? [Math.floor(minutes / 60), 'hour'] : [Math.floor(minutes / 60 / 24), 'day'];
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
};
