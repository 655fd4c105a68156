import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES, pickClientMessages, type MessageScope } from '@/lib/i18n/client-messages';
import es from '@/lib/i18n/messages/es';
import { clientNamespacesUnder, root, sourceFiles } from '@/tests/helpers/source-graph';

// Each provider's part of the app: its layouts and pages, without the parts nested in it that have
// a provider of their own.
const app = path.join(root, 'app');
const dashboard = path.join(app, '(dashboard)');
const settings = path.join(dashboard, 'settings');
const files = sourceFiles(app);
const ENTRIES: Record<MessageScope, string[]> = {
  root: files.filter((file) => !file.startsWith(dashboard)),
  workspace: files.filter((file) => file.startsWith(dashboard) && !file.startsWith(settings)),
  settings: files.filter((file) => file.startsWith(settings)),
};

const covers = (listed: readonly string[], namespace: string) => listed.some((item) => namespace === item || namespace.startsWith(`${item}.`));

describe('client messages', () => {
  for (const scope of Object.keys(ENTRIES) as MessageScope[]) {
    it(`${scope}: every namespace its client components ask for, and nothing else`, () => {
      const { namespaces, unknown } = clientNamespacesUnder(ENTRIES[scope]);
      expect(unknown, 'useTranslations() without a namespace').toEqual([]);
      const asked = [...namespaces];
      const listed = CLIENT_NAMESPACES[scope];
      expect(asked.filter((namespace) => !covers(listed, namespace)), 'asked for and not listed').toEqual([]);
      expect(
        listed.filter((item) => !asked.some((namespace) => covers([item], namespace))),
        'listed and asked for by none',
      ).toEqual([]);
    });
  }

  it('the walk finds the components of each part', () => {
    expect(clientNamespacesUnder(ENTRIES.workspace).namespaces).toContain('composer');
    expect(clientNamespacesUnder(ENTRIES.settings).namespaces).toContain('webhooks');
    expect(clientNamespacesUnder(ENTRIES.root).namespaces).toContain('login');
  });

  it('pick keeps the listed namespaces whole and nothing else', () => {
    const workspace = pickClientMessages(es, 'workspace');
    expect(workspace.chat).toEqual(es.chat);
    expect(Object.keys(workspace.contacts as object).sort()).toEqual(['edit', 'errors', 'message']);
    expect(workspace).not.toHaveProperty('webhooks');
    expect(workspace).not.toHaveProperty('login');
    const picked = pickClientMessages(es, 'settings');
    expect((picked.settings as Record<string, unknown>).macros).toEqual(es.settings.macros);
    expect(Object.keys(picked.settings as object).sort()).toEqual(['fieldErrors', 'labels', 'macros', 'profile']);
    // Of the profile page, only the access-token form is a client component.
    expect(Object.keys((picked.settings as { profile: object }).profile)).toEqual(['apiTokens']);
    expect(picked).not.toHaveProperty('list');
    expect(Object.keys(pickClientMessages(es, 'root')).sort()).toEqual(['errors', 'login', 'setPassword']);
  });
});
