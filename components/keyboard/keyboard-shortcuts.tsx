'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { findConversationsAction } from '@/lib/actions/conversations';
import type { FoundConversation } from '@/lib/domain/conversations/find-conversations';
import { keyLabels, SHORTCUTS } from '@/lib/keyboard/shortcuts';
import { focusConversation, focusWhenShown, isVisible, neighbourLink } from './list-navigation';
import { ConversationKeyboard, PickerDialog, ShortcutsHelp, useOpenedOnce } from './lazy-dialogs';
import { matchesQuery, type PickerItem } from './picker-items';
import { currentCommands, markWorkspaceReady, useShortcuts, type Command } from './use-shortcuts';

type View = { href: string; name: string };

// The views panel's links (data-view-link), read when the palette opens: the palette offers exactly
// the views the panel shows, without loading them twice.
const panelViews = (): View[] =>
  [...document.querySelectorAll<HTMLAnchorElement>('a[data-view-link]')].map((link) => ({ href: link.getAttribute('href') ?? '', name: link.dataset.viewLink ?? '' }));

// The workspace's shortcuts: "?" help, Ctrl/Cmd+K palette, "/" search, Alt+J / Alt+K through the list.
// The open conversation adds its own (ConversationKeyboard). Mounted once, in the dashboard shell.
export const KeyboardShortcuts = () => {
  const t = useTranslations('keyboard');
  const router = useRouter();
  const [help, setHelp] = useState(false);
  const [palette, setPalette] = useState(false);
  const helpShown = useOpenedOnce(help);
  const paletteShown = useOpenedOnce(palette);
  const [mac, setMac] = useState(false);
  const [query, setQuery] = useState('');
  const [commands, setCommands] = useState<Command[]>([]);
  const [views, setViews] = useState<View[]>([]);
  const [found, setFound] = useState<FoundConversation[]>([]);

  useEffect(() => {
    setMac(/Mac|iPhone|iPad/.test(navigator.platform));
    // The palette's, the help's and the conversation's keyboard code is fetched now, so Ctrl+K
    // followed at once by typing loses no keystroke, nor R in a conversation opened by Alt+J.
    void Promise.all([PickerDialog.preload(), ShortcutsHelp.preload(), ConversationKeyboard.preload()]).then(markWorkspaceReady, markWorkspaceReady);
  }, []);

  const go = (step: 1 | -1) => {
    const link = neighbourLink(step);
    if (!link) return;
    router.push(link.getAttribute('href') ?? link.href);
    focusConversation(link.dataset.conversationLink ?? null);
  };
  const openPalette = () => {
    setCommands(currentCommands());
    setViews(panelViews());
    setQuery('');
    setFound([]);
    setPalette((open) => !open);
  };
  const search = () => {
    const box = document.querySelector<HTMLInputElement>('#search-q');
    if (isVisible(box)) {
      box.focus();
      box.select();
      return;
    }
    router.push('/search');
    focusWhenShown('#search-q');
  };

  useShortcuts(
    'workspace',
    { help: () => setHelp(true), palette: openPalette, search, next: () => go(1), previous: () => go(-1) },
    [
      { id: 'help', label: t('shortcuts.help'), run: () => setHelp(true), shortcut: 'help' },
      { id: 'search', label: t('shortcuts.search'), run: search, shortcut: 'search' },
      { id: 'next', label: t('shortcuts.next'), run: () => go(1), shortcut: 'next' },
      { id: 'previous', label: t('shortcuts.previous'), run: () => go(-1), shortcut: 'previous' },
    ],
  );

  // Conversations by number or contact name, asked of the server as the agent types (debounced).
  useEffect(() => {
    if (!palette || !query.trim()) return setFound([]);
    let current = true;
    const timer = setTimeout(() => {
      void findConversationsAction(query).then((rows) => current && setFound(rows), () => current && setFound([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [palette, query]);

  const shortcutHint = (command: Command) => {
    const shortcut = SHORTCUTS.find((item) => item.id === command.shortcut);
    return shortcut ? keyLabels(shortcut, mac).join('+') : t('groups.action');
  };
  const items: Array<PickerItem & { run: () => void }> = [
    ...commands.filter((command) => matchesQuery(command.label, query)).map((command) => ({ key: `command:${command.id}`, label: command.label, hint: shortcutHint(command), run: command.run })),
    ...views.filter((view) => matchesQuery(view.name, query)).map((view) => ({ key: `view:${view.href}`, label: view.name, hint: t('groups.view'), run: () => router.push(view.href) })),
    ...found.map((conversation) => ({
      key: `conversation:${conversation.id}`,
      label: `#${conversation.displayId} · ${conversation.contactName}`,
      hint: t('groups.conversation'),
      run: () => {
        router.push(`/all/${conversation.id}?tab=all&status=all`);
        focusConversation(String(conversation.id));
      },
    })),
  ];

  return (
    <>
      {helpShown && <ShortcutsHelp open={help} onClose={() => setHelp(false)} mac={mac} />}
      {paletteShown && <PickerDialog
        open={palette}
        onClose={() => setPalette(false)}
        title={t('paletteTitle')}
        placeholder={t('palettePlaceholder')}
        query={query}
        onQuery={setQuery}
        items={items}
        onPick={(item) => {
          setPalette(false);
          // After the dialog closed and gave the focus back, so the command's own focus wins.
          setTimeout(() => items.find((entry) => entry.key === item.key)?.run(), 0);
        }}
        empty={t('paletteEmpty')}
        testId="command-palette"
      />}
    </>
  );
};
