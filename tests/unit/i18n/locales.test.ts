import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';

describe('localeFromAcceptLanguage', () => {
  it('defaults to Spanish without a header or with no supported language', () => {
    expect(localeFromAcceptLanguage(null)).toBe('es');
    expect(localeFromAcceptLanguage('fr-FR,de;q=0.8')).toBe('es');
  });

  it('takes the highest-ranked supported language', () => {
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,es;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('fr;q=1, es-MX;q=0.9, en;q=0.5')).toBe('es');
    expect(localeFromAcceptLanguage('es;q=0.2, en;q=0.7')).toBe('en');
  });

  it('ignores languages refused with q=0', () => {
    expect(localeFromAcceptLanguage('en;q=0, es;q=0.1')).toBe('es');
  });
});
