// The messages the browser needs: those of client components (useTranslations in a 'use client'
// file or in a component one renders). Server components translate on the server, so their
// namespaces stay out of every page's RSC payload (about a third of the catalogue, 11 kB of
// Spanish; bench/README.md "Whole-page speed"). tests/unit/i18n/client-messages.test.ts checks that
// every namespace a component asks for with useTranslations is here.
export const CLIENT_NAMESPACES = [
  'channels',
  'chat',
  'composer',
  'contacts',
  'errors',
  'keyboard',
  'languages',
  'list',
  'login',
  'notifications',
  'outbox',
  'priority',
  'realtime',
  'setPassword',
  'settings.fieldErrors',
  'settings.labels',
  'settings.macros',
  'settings.profile.apiTokens',
  'shell.language',
  'sidebar.actions',
  'sidebar.attributes',
  'views',
  'webhooks',
] as const;

type Messages = Record<string, unknown>;

// The same nested shape, keeping only the client namespaces.
export const pickClientMessages = (messages: Messages): Messages => {
  const picked: Messages = {};
  for (const path of CLIENT_NAMESPACES) {
    const keys = path.split('.');
    let from: unknown = messages;
    for (const key of keys) from = (from as Messages | undefined)?.[key];
    if (from === undefined) continue;
    let into = picked;
    for (const key of keys.slice(0, -1)) into = (into[key] ??= {}) as Messages;
    into[keys.at(-1)!] = from;
  }
  return picked;
};
