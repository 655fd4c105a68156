import { describe, expect, test } from 'vitest';
import { formatFileSize } from '@/lib/format/file-size';
import { initials } from '@/lib/format/initials';
import { formatWaitingTime } from '@/lib/format/waiting-time';

describe('formatFileSize', () => {
  test('KB under 1 MB, MB above, one decimal, per locale: never "0 MB"', () => {
    expect(formatFileSize(500, 'en')).toBe('500 bytes');
    expect(formatFileSize(12_800, 'en')).toBe('12.5 kB');
    expect(formatFileSize(12_800, 'es')).toBe('12,5 kB');
    expect(formatFileSize(3.45 * 1024 * 1024, 'en')).toBe('3.5 MB');
    expect(formatFileSize(3.45 * 1024 * 1024, 'es')).toBe('3,5 MB');
    expect(formatFileSize(1024 * 1024 - 1, 'en')).toBe('1 MB');
    expect(formatFileSize(0, 'es')).toBe('0 bytes');
  });
});

describe('initials', () => {
  test('whole graphemes of the first two words', () => {
    expect(initials('ana ruiz pérez')).toBe('AR');
    expect(initials('🐙 Zoe')).toBe('🐙Z');
    expect(initials('👩‍💻Dev Team')).toBe('👩‍💻T');
    expect(initials('Ñandú')).toBe('Ñ');
    expect(initials('   ')).toBe('?');
  });
});

describe('formatWaitingTime', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  test('a duration, not a point in time', () => {
    expect(formatWaitingTime(new Date('2026-01-10T10:00:00Z'), now, 'en')).toBe('2 hours');
    expect(formatWaitingTime(new Date('2026-01-10T10:00:00Z'), now, 'es')).toBe('2 horas');
    expect(formatWaitingTime(new Date('2026-01-10T11:59:50Z'), now, 'en')).toBe('1 minute');
    expect(formatWaitingTime(new Date('2026-01-07T11:00:00Z'), now, 'es')).toBe('3 días');
  });
});
