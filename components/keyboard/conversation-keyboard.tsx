'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { ActionState } from '@/lib/actions/action';
import { addLabelAction, assignAgentAction, removeLabelAction } from '@/lib/actions/sidebar';
import { stampActingSocket } from '@/components/realtime/acting-socket';
import { focusCard } from './list-navigation';
import { PickerDialog, useOpenedOnce } from './lazy-dialogs';
import { matchesQuery, type PickerItem } from './picker-items';
import { isTyping, useShortcuts, type Command } from './use-shortcuts';

type Props = {
  conversationId: number;
  status: 'open' | 'resolved' | 'pending' | 'snoozed';
  backHref: string;
  meId: number;
  assigneeId: number | null;
  agents: Array<{ id: number; name: string }>;
  labels: Array<{ id: number; title: string }>;
  labelIds: number[];
};

// An action's form built in code, naming this tab's realtime connection as a submitted form does.
const formOf = (values: Record<string, string | number>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, String(value));
  return stampActingSocket(form);
};

// The composer's reply / note switch and its text area (components/chat/composer.tsx).
const focusComposer = (mode: 'reply' | 'note') => {
  document.querySelector<HTMLInputElement>(`input[name="mode"][value="${mode}"]`)?.click();
  requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>('textarea[name="content"]')?.focus());
};

// Submits the chat header's status form that sets `status` (components/chat/status-actions.tsx).
const submitStatus = (status: 'resolved' | 'pending' | 'open') =>
  document.querySelector<HTMLInputElement>(`[data-status-actions] input[name="status"][value="${status}"]`)?.form?.requestSubmit();

// Opens the status menu at its snooze options.
const openSnoozeMenu = () => {
  const menu = document.querySelector<HTMLDetailsElement>('[data-status-actions] details');
  if (!menu) return;
  menu.open = true;
  menu.querySelector<HTMLInputElement>('input[name="preset"]')?.form?.querySelector('button')?.focus();
};

// The open conversation's shortcuts (R, N, Alt+E, Alt+S, Alt+A, Alt+L, Escape) and its palette
// commands, through the same forms and server actions the mouse uses; the assign and label pickers
// are searchable dialogs. Its code loads after the page has hydrated (lazy-dialogs.tsx); the page
// marks <html data-keyboard="ready"> once these keys answer (use-shortcuts.ts).
export const ConversationKeyboard = ({ conversationId, status, backHref, meId, assigneeId, agents, labels, labelIds }: Props) => {
  const t = useTranslations('keyboard');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const [picker, setPicker] = useState<'assign' | 'labels' | null>(null);
  // The open picker as an action's late answer sees it.
  const openPicker = useRef(picker);
  useEffect(() => {
    openPicker.current = picker;
  });
  const assignShown = useOpenedOnce(picker === 'assign');
  const labelsShown = useOpenedOnce(picker === 'labels');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<number> | null>(null);

  const open = (which: 'assign' | 'labels') => {
    setQuery('');
    setError(null);
    setChecked(new Set(labelIds));
    setPicker(which);
  };
  // A dialog's close event is a task of its own, which a busy browser may run after the next keydown:
  // the assign picker's late close must not shut the label picker Alt+L has just opened.
  const closePicker = (which: 'assign' | 'labels') => setPicker((current) => (current === which ? null : current));
  // Escape in a text field (the composer, after sending) leaves the field for the chat panel, so the
  // next shortcut (Alt+E) acts; Escape anywhere else goes back to the list, onto this conversation's card.
  const back = () => {
    if (isTyping(document.activeElement)) {
      (document.activeElement as HTMLElement).blur();
      document.querySelector<HTMLElement>('[data-chat-panel]')?.focus();
      return;
    }
    router.push(backHref);
    focusCard(String(conversationId));
  };
  // A refusal is shown in the picker that asked, if it is still the open one.
  const failed = (state: ActionState, which: 'assign' | 'labels') => {
    if (!state.error) return false;
    if (openPicker.current === which) setError(tErrors(state.error, state.details as Record<string, string>));
    return true;
  };

  const handlers = {
    reply: () => focusComposer('reply'),
    note: () => focusComposer('note'),
    resolve: () => submitStatus('resolved'),
    snooze: openSnoozeMenu,
    assign: () => open('assign'),
    labels: () => open('labels'),
    back,
  };
  const commands: Command[] = [
    { id: 'reply', label: t('shortcuts.reply'), run: handlers.reply, shortcut: 'reply' },
    { id: 'note', label: t('shortcuts.note'), run: handlers.note, shortcut: 'note' },
    ...(status === 'open' ? [{ id: 'resolve', label: t('shortcuts.resolve'), run: handlers.resolve, shortcut: 'resolve' as const }] : []),
    ...(status !== 'pending' ? [{ id: 'pending', label: t('commands.pending'), run: () => submitStatus('pending') }] : []),
    ...(status !== 'open' ? [{ id: 'reopen', label: t('commands.reopen'), run: () => submitStatus('open') }] : []),
    { id: 'snooze', label: t('shortcuts.snooze'), run: handlers.snooze, shortcut: 'snooze' },
    { id: 'assign', label: t('shortcuts.assign'), run: handlers.assign, shortcut: 'assign' },
    { id: 'labels', label: t('shortcuts.labels'), run: handlers.labels, shortcut: 'labels' },
    { id: 'back', label: t('shortcuts.back'), run: back, shortcut: 'back' },
  ];
  useShortcuts('conversation', handlers, commands);

  const assignItems: PickerItem[] = [
    { key: 'me', label: t('assignMe'), hint: assigneeId === meId ? t('current') : undefined },
    ...agents.filter((agent) => agent.id !== meId).map((agent) => ({ key: String(agent.id), label: agent.name, hint: assigneeId === agent.id ? t('current') : undefined })),
    { key: '', label: t('assignNobody'), hint: assigneeId === null ? t('current') : undefined },
  ].filter((item) => matchesQuery(item.label, query));
  const labelItems: PickerItem[] = labels
    .filter((label) => matchesQuery(label.title, query))
    .map((label) => ({ key: String(label.id), label: label.title, checked: checked?.has(label.id) ?? false }));

  const assign = async (item: PickerItem) => {
    const state = await assignAgentAction({}, formOf({ conversationId, assigneeId: item.key }));
    // The answer may come after the agent has opened the label picker: only this picker closes.
    if (!failed(state, 'assign')) closePicker('assign');
  };
  const toggleLabel = async (item: PickerItem) => {
    const labelId = Number(item.key);
    const adding = !checked?.has(labelId);
    // This label alone, in or out: another toggle made meanwhile keeps its own state.
    const mark = (present: boolean) =>
      setChecked((current) => {
        const next = new Set(current);
        if (present) next.add(labelId);
        else next.delete(labelId);
        return next;
      });
    mark(adding);
    setError(null);
    const state = await (adding ? addLabelAction : removeLabelAction)({}, formOf({ conversationId, labelId }));
    if (failed(state, 'labels')) mark(!adding);
  };

  return (
    <>
      {assignShown && <PickerDialog
        open={picker === 'assign'}
        onClose={() => closePicker('assign')}
        title={t('assignTitle')}
        placeholder={t('assignPlaceholder')}
        query={query}
        onQuery={setQuery}
        items={assignItems}
        onPick={(item) => void assign(item)}
        empty={t('noMatches')}
        error={error}
        testId="assign-picker"
      />}
      {labelsShown && <PickerDialog
        open={picker === 'labels'}
        onClose={() => closePicker('labels')}
        title={t('labelsTitle')}
        placeholder={t('labelsPlaceholder')}
        query={query}
        onQuery={setQuery}
        items={labelItems}
        onPick={(item) => void toggleLabel(item)}
        empty={t('noMatches')}
        multiple
        error={error}
        testId="labels-picker"
      />}
    </>
  );
};
