import { describe, expect, it } from 'vitest';
import { normalizePhone } from '@/lib/domain/contacts/normalize-phone';

describe('normalizePhone', () => {
  it('stores a number typed with any formatting in E.164', () => {
    expect(normalizePhone('+52 (55) 1234-5678')).toBe('+525512345678');
    expect(normalizePhone('+34 911.222.333')).toBe('+34911222333');
    expect(normalizePhone('+1 415/555 0100')).toBe('+14155550100');
    expect(normalizePhone('  +44 20 7946 0958 ')).toBe('+442079460958');
    // A non-breaking space, as pasted from a web page or a spreadsheet.
    expect(normalizePhone('+52\u00a055\u00a01234\u00a05678')).toBe('+525512345678');
  });

  it('turns the international prefix 00 into +', () => {
    expect(normalizePhone('0052 55 1234 5678')).toBe('+525512345678');
    expect(normalizePhone('00 34 911 222 333')).toBe('+34911222333');
  });

  it('keeps a number already in E.164 as it is', () => {
    expect(normalizePhone('+525512345678')).toBe('+525512345678');
  });

  it('accepts 8 to 15 digits', () => {
    expect(normalizePhone('+12345678')).toBe('+12345678');
    expect(normalizePhone('+123456789012345')).toBe('+123456789012345');
    expect(normalizePhone('+1234567')).toBeNull();
    expect(normalizePhone('+1234567890123456')).toBeNull();
  });

  it('refuses numbers without a country code: they are ambiguous', () => {
    expect(normalizePhone('55 1234 5678')).toBeNull();
    expect(normalizePhone('(55) 1234-5678')).toBeNull();
    expect(normalizePhone('0 55 1234 5678')).toBeNull();
  });

  it('refuses letters, a second +, a country code starting with 0 and empty text', () => {
    expect(normalizePhone('+52 55 CALL NOW')).toBeNull();
    expect(normalizePhone('+52 55 1234 5678 ext 12')).toBeNull();
    expect(normalizePhone('+52+5512345678')).toBeNull();
    expect(normalizePhone('+0525512345678')).toBeNull();
    expect(normalizePhone('000525512345678')).toBeNull();
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone('+')).toBeNull();
  });
});
