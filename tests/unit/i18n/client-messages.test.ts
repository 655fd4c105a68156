import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES, pickClientMessages } from '@/lib/i18n/client-messages';
import es from '@/lib/i18n/messages/es';

const root = path.resolve(import.meta.dirname, '../../..');
const sources = ['components', 'app'].flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(dir, file)),
);

// useTranslations() without a namespace reads keys it builds itself: these files are checked by hand
// (the language switcher: shell.language and languages.*; contact form errors: contacts.errors.*).
const ROOT_TRANSLATORS = ['components/shell/language-switcher.tsx', 'components/contacts/field-error.tsx'];

const covered = (namespace: string) => CLIENT_NAMESPACES.some((client) => namespace === client || namespace.startsWith(`${client}.`));

describe('client messages', () => {
  it('include every namespace a component asks for with useTranslations', () => {
    const asked = sources.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/useTranslations\(\s*(?:'([^']*)')?\s*\)/g)].map((match) => ({ file, namespace: match[1] })),
    );
    expect(asked.length).toBeGreaterThan(20);
    for (const { file, namespace } of asked) {
      if (namespace === undefined) expect(ROOT_TRANSLATORS, file).toContain(file);
      else expect(covered(namespace), `${file}: useTranslations('${namespace}')`).toBe(true);
    }
  });

  it('keep the client namespaces whole and nothing else', () => {
    const picked = pickClientMessages(es);
    expect(picked.chat).toEqual(es.chat);
    expect((picked.settings as Record<string, unknown>).macros).toEqual(es.settings.macros);
    expect(Object.keys(picked.settings as object).sort()).toEqual(['fieldErrors', 'labels', 'macros', 'profile']);
    // Of the profile page, only the access-token form is a client component.
    expect(Object.keys((picked.settings as { profile: object }).profile)).toEqual(['apiTokens']);
    expect(picked).not.toHaveProperty('widget');
    expect(picked).not.toHaveProperty('search');
  });
});
