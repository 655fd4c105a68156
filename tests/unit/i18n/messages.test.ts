import compile from 'icu-minify/compile';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en';
import es from '@/lib/i18n/messages/es';

const keysOf = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

// ICU placeholders: `{name}` or `{name, plural, ...}` (not the `{text}` branches of a plural).
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1]))].sort();

const valueAt = (messages: object, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;

describe('message files', () => {
  it('have the same keys in Spanish and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(es).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keysOf(es)) expect(placeholders(valueAt(en, key)), key).toEqual(placeholders(valueAt(es, key)));
  });

  // The build precompiles every message (next.config.mjs): one it cannot parse (an unescaped `<`
  // reads as a tag; write '<') fails `next build`, so it fails here first.
  it('compile as ICU messages', () => {
    for (const messages of [es, en]) for (const key of keysOf(messages)) expect(() => compile(valueAt(messages, key)), key).not.toThrow();
  });

  it('translate every domain error code', () => {
    const codes = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'CONFLICT', 'RATE_LIMITED', 'INVALID_CREDENTIALS', 'TOO_LARGE', 'UNSUPPORTED_TYPE', 'UNKNOWN'];
    for (const code of codes) {
      expect(es.errors).toHaveProperty(code);
      expect(en.errors).toHaveProperty(code);
    }
  });
});
