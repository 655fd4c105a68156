// The messages the browser needs: those of client components (useTranslations in a 'use client'
// file or in a component one renders), per part of the app, each under its own provider:
// - `root` (app/layout.tsx): the sign-in and set-password pages;
// - `workspace` (app/(dashboard)/layout.tsx): the dashboard's shell, lists, chat and search;
// - `settings` (app/(dashboard)/settings/layout.tsx): the settings pages.
// A provider replaces its parent's messages for what it wraps. Server components translate on the
// server, and each part ships only its own namespaces: a list page no longer carries the settings'
// and the sign-in's strings, nor the sign-in page the workspace's (bench/README.md "Tenth round").
// tests/unit/i18n/client-messages.test.ts follows each part's imports and checks that its list is
// exactly what its client components ask for.
export const CLIENT_NAMESPACES = {
  root: ['errors', 'login', 'setPassword'],
  workspace: [
    'channels',
    'chat',
    'composer',
    'contacts.edit',
    'contacts.errors',
    'contacts.message',
    'errors',
    'keyboard',
    'list',
    'notifications',
    'priority',
    'realtime',
    'settings.fieldErrors',
    'sidebar.actions',
    'sidebar.attributes',
    'views',
  ],
  settings: [
    'chat.status',
    'errors',
    'outbox',
    'priority',
    'settings.fieldErrors',
    'settings.labels',
    'settings.macros',
    'settings.profile.apiTokens',
    'webhooks',
  ],
} as const;

export type MessageScope = keyof typeof CLIENT_NAMESPACES;

type Messages = Record<string, unknown>;

// The same nested shape, keeping only the namespaces of `scope`.
export const pickClientMessages = (messages: Messages, scope: MessageScope): Messages => {
  const picked: Messages = {};
  for (const path of CLIENT_NAMESPACES[scope]) {
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
