import { numberFormat } from './intl-formats';

// A file's size as a person reads it, in the reader's locale: bytes under 1 KB, then KB under 1 MB,
// then MB, with at most one decimal ("850 bytes", "12,5 KB", "3.4 MB"); never "0 MB".
export const formatFileSize = (bytes: number, locale: string): string => {
  const KB = 1024;
  const MB = KB * 1024;
  const [value, unit] = bytes < KB ? [bytes, 'byte'] : bytes < MB ? [bytes / KB, 'kilobyte'] : [bytes / MB, 'megabyte'];
  // 1023.96 KB would round to "1024 KB": say 1 MB instead.
  if (unit === 'kilobyte' && Math.round(value * 10) / 10 >= 1024) return formatFileSize(MB, locale);
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(value);
};
