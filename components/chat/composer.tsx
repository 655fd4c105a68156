'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { usePresence } from '@/components/realtime/conversation-presence';
import { useRealtime } from '@/components/realtime/realtime-provider';
import { sendMessageFormAction } from '@/lib/actions/chat';
import { updateEnterToSendAction } from '@/lib/actions/settings-profile';
import { useCannedPicker } from './canned-picker';
import { reviveMessage, useChatState } from './chat-state';
import { matchingAgents, mentionQueryAt, unknownMentions, withMentionMarkup, type MentionCandidate } from './mention-picker';
import type { DisplayMessage } from './message-bubble';
import { actingSocketHeaders } from '@/components/realtime/acting-socket';
import { postSend, SendFailure, useOfflineQueue, type QueuedSend } from './offline-queue';
import { useUploads, type Upload } from './use-uploads';
import { VoiceRecorder } from './lazy';
import { useComposerOpen } from './use-composer-open';

// enterToSend: the agent's saved preference (users.preferences, also edited at /settings/profile).
type Props = { conversationId: number; agents: MentionCandidate[]; me: { id: number; name: string }; enterToSend: boolean };

const draftKey = (conversationId: number) => `bandeja:draft:${conversationId}`;

// W1-W5: reply or private note, text (Enter sends, Shift+Enter breaks; configurable), a draft kept
// per conversation, @mentions in notes, attachments with progress, voice notes, and an optimistic
// send that is confirmed when stored and kept with a retry when it fails, or queued ("pendiente de
// envío") and sent by itself when the connection is back if it could not reach the server
// (offline-queue.ts). Without JavaScript the same form posts the text, the reply/note choice and the
// picked files to a server action. On a phone it is one line until focused (CSS focus-within, and
// useComposerOpen through the tap that leaves it), so the messages keep the screen.
export const Composer = ({ conversationId, agents, me, enterToSend: savedEnterToSend }: Props) => {
  const t = useTranslations('composer');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const { upsertLocal, removeLocal } = useChatState();
  const reportTyping = usePresence()?.reportTyping;
  // The list and header re-read after a send (the send's own realtime events do not come back to
  // this tab: acting-socket.ts).
  const realtime = useRealtime();
  const refresh = realtime ? realtime.refresh : () => router.refresh();
  const { uploads, upload, remove, clear } = useUploads(conversationId);
  const composerOpen = useComposerOpen();
  // The no-JavaScript path: a plain post of the text (with JavaScript, onSubmit sends it instead).
  const [, postWithoutScript] = useActionState(sendMessageFormAction, {});
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [text, setText] = useState('');
  const [enterToSend, setEnterToSend] = useState(savedEnterToSend);
  const [failure, setFailure] = useState<{ echoId: string; error: string } | null>(null);
  const [mention, setMention] = useState<{ start: number; query: string; index: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  // A note's "@Sof" that names no agent: said, and the note is not sent as plain text.
  const [unknown, setUnknown] = useState<string[]>([]);
  const picked = useRef<MentionCandidate[]>([]);
  const area = useRef<HTMLTextAreaElement>(null);

  // A message of mine shown before the server has it: being sent, or queued while offline.
  const localMessage = (item: Pick<QueuedSend, 'localId' | 'content' | 'private'>, pending: DisplayMessage['pending']): DisplayMessage => ({
    id: item.localId,
    messageType: 'outgoing',
    private: item.private,
    senderType: 'agent',
    senderId: me.id,
    senderName: me.name,
    sentOutsidePlatform: false,
    content: item.content,
    contentAttributes: {},
    status: 'sending',
    createdAt: new Date(),
    attachments: [],
    pending,
  });
  const queue = useOfflineQueue({
    userId: me.id,
    conversationId,
    // The list re-reads for another conversation's send too: its card shows the reply.
    onSent: (item, message) => {
      if (item.conversationId === conversationId) upsertLocal(reviveMessage(message), item.localId);
      refresh();
    },
    onRefused: (item, error) => {
      removeLocal(item.localId);
      changeText(item.content);
      setFailure({ echoId: item.echoId, error });
    },
  });
  // Queued sends (also those left by a reload) show in the chat as pending.
  useEffect(() => {
    for (const item of queue.pending) upsertLocal(localMessage(item, 'queued'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- localMessage only reads `me`
  }, [queue.pending, upsertLocal]);

  // The draft of each conversation survives reloads (localStorage).
  useEffect(() => {
    // Text typed before the page was interactive wins over an older draft.
    setText(area.current?.value || localStorage.getItem(draftKey(conversationId)) || '');
  }, [conversationId]);
  // "Enter sends" is the profile's preference: it follows a re-read page, and flipping it here saves
  // it there (put back if the save fails).
  useEffect(() => setEnterToSend(savedEnterToSend), [savedEnterToSend]);
  const changeEnterToSend = (value: boolean) => {
    setEnterToSend(value);
    const form = new FormData();
    form.set('enterToSend', String(value));
    const revert = () => setEnterToSend(!value);
    void updateEnterToSendAction({}, form).then((state) => !state.ok && revert(), revert);
  };
  // Written as the agent types (not in an effect), so a reload right after a keystroke keeps it.
  const changeText = (value: string) => {
    setText(value);
    if (value) localStorage.setItem(draftKey(conversationId), value);
    else localStorage.removeItem(draftKey(conversationId));
  };

  const canned = useCannedPicker({
    text,
    area,
    onInsert: (value, caret) => {
      changeText(value);
      requestAnimationFrame(() => area.current?.setSelectionRange(caret, caret));
      area.current?.focus();
    },
  });

  const candidates = mention && mode === 'note' ? matchingAgents(agents, mention.query) : [];
  const ready = uploads.filter((item) => item.status === 'done');
  const busy = uploads.some((item) => item.status === 'uploading');

  const send = async (options: { echoId?: string; attachments?: Upload[]; content?: string } = {}) => {
    const attachments = options.attachments ?? ready;
    const strangers = mode === 'note' && options.content === undefined ? unknownMentions(text, [...agents, me]) : [];
    setUnknown(strangers);
    if (strangers.length) return;
    const content = options.content ?? withMentionMarkup(text.trim(), mode === 'note' ? picked.current : []);
    if ((!content && attachments.length === 0) || busy) return;
    const item: QueuedSend = {
      echoId: options.echoId ?? crypto.randomUUID(),
      localId: -Date.now(),
      conversationId,
      content,
      private: mode === 'note',
      attachmentIds: attachments.flatMap((upload) => (upload.attachmentId === undefined ? [] : [upload.attachmentId])),
      queuedAt: new Date().toISOString(),
    };
    const offline = !navigator.onLine;
    upsertLocal(localMessage(item, offline ? 'queued' : 'sending'));
    reportTyping?.(false, mode === 'note');
    changeText('');
    clear();
    setFailure(null);
    picked.current = [];
    if (offline) return queue.enqueue(item);
    try {
      upsertLocal(reviveMessage(await postSend(item, actingSocketHeaders())), item.localId);
      refresh();
    } catch (error) {
      // No answer (the network failed): queued, and sent with the same echoId when it is back.
      if (error instanceof SendFailure && error.network) return queue.enqueue(item);
      // Never lost: the text comes back to the composer with a retry that reuses the same echoId.
      removeLocal(item.localId);
      changeText(content);
      setFailure({ echoId: item.echoId, error: error instanceof SendFailure ? error.code : 'UNKNOWN' });
    }
  };

  const pick = (agent: MentionCandidate) => {
    if (!mention) return;
    const caret = area.current?.selectionStart ?? text.length;
    changeText(`${text.slice(0, mention.start)}@${agent.name} ${text.slice(caret)}`);
    picked.current = [...picked.current.filter((item) => item.id !== agent.id), agent];
    setMention(null);
    area.current?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onKeyDown(event)) return;
    if (candidates.length && mention) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setMention({ ...mention, index: (mention.index + step + candidates.length) % candidates.length });
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(candidates[mention.index] ?? candidates[0]);
        return;
      }
      if (event.key === 'Escape') return setMention(null);
    }
    const sends = enterToSend ? event.key === 'Enter' && !event.shiftKey : event.key === 'Enter' && (event.ctrlKey || event.metaKey);
    if (sends && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const addFiles = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) void upload(file);
  };

  return (
    <form
      action={postWithoutScript}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        addFiles(event.dataTransfer.files);
      }}
      data-open={composerOpen.open || undefined}
      onFocus={composerOpen.onFocus}
      onBlur={composerOpen.onBlur}
      className={`group/composer border-t p-2 md:p-3 ${mode === 'note' ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'} ${dragging ? 'ring-2 ring-brand-500' : ''}`}
    >
      <input type="hidden" name="conversationId" value={conversationId} />
      <fieldset className="mb-2 flex gap-1 text-sm max-md:hidden max-md:group-focus-within/composer:flex max-md:group-data-[open]/composer:flex" role="radiogroup" aria-label={t('mode')}>
        {(['reply', 'note'] as const).map((option) => (
          // Styled from the checked radio, not from state, so the choice shows without JavaScript too.
          <label key={option} className={`cursor-pointer rounded-md px-3 py-1 text-slate-600 hover:bg-slate-100 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 has-[:checked]:font-semibold ${option === 'note' ? 'has-[:checked]:bg-amber-200 has-[:checked]:text-amber-950' : 'has-[:checked]:bg-brand-50 has-[:checked]:text-brand-700'}`}>
            <input type="radio" name="mode" value={option} checked={mode === option} onChange={() => setMode(option)} className="sr-only" />
            {t(option)}
          </label>
        ))}
      </fieldset>
      {mode === 'note' && <p className="mb-1 text-xs font-medium text-amber-900 max-md:hidden max-md:group-focus-within/composer:block max-md:group-data-[open]/composer:block">{t('noteHint')}</p>}
      <div className="relative">
        <textarea
          ref={area}
          name="content"
          value={text}
          rows={3}
          maxLength={10000}
          onChange={(event) => {
            changeText(event.target.value);
            if (unknown.length) setUnknown([]);
            reportTyping?.(event.target.value.trim() !== '', mode === 'note');
            const found = mentionQueryAt(event.target.value, event.target.selectionStart);
            setMention(found ? { ...found, index: 0 } : null);
            canned.onChange(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          placeholder={mode === 'note' ? t('notePlaceholder') : t('replyPlaceholder')}
          aria-label={mode === 'note' ? t('notePlaceholder') : t('replyPlaceholder')}
          className="block w-full resize-y rounded-md border border-slate-300 bg-white px-3 py-2 text-sm max-md:h-10 max-md:resize-none max-md:group-focus-within/composer:h-24 max-md:group-data-[open]/composer:h-24"
        />
        {canned.list}
        {candidates.length > 0 && mention && (
          <ul role="listbox" aria-label={t('mentionAgents')} className="absolute bottom-full left-0 z-20 mb-1 w-64 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
            {candidates.map((agent, index) => (
              <li key={agent.id} role="option" aria-selected={index === mention.index}>
                <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => pick(agent)} className={`w-full px-3 py-1 text-left ${index === mention.index ? 'bg-brand-50' : ''}`}>
                  {agent.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {mode === 'note' && mention && mention.query && candidates.length === 0 && (
        <p role="status" className="mt-1 text-xs text-amber-900">{t('noSuchAgent', { mention: `@${mention.query}` })}</p>
      )}
      {unknown.length > 0 && (
        <p role="alert" className="mt-1 text-sm text-red-700">{t('unknownMentions', { mentions: unknown.join(', '), count: unknown.length })}</p>
      )}
      {uploads.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2 text-xs" aria-label={t('attachments')}>
          {uploads.map((item) => (
            <li key={item.key} className={`flex items-center gap-2 rounded-md border px-2 py-1 ${item.status === 'failed' ? 'border-red-300 bg-red-50 text-red-800' : 'border-slate-200 bg-white'}`}>
              <span className="max-w-40 truncate">{item.fileName}</span>
              {item.status === 'uploading' && <progress max={1} value={item.progress} className="w-16" aria-label={t('uploading', { name: item.fileName })} />}
              {item.status === 'failed' && <span role="alert">{item.error === 'NETWORK' ? t('uploadFailed') : tErrors(item.error === 'TOO_LARGE' || item.error === 'UNSUPPORTED_TYPE' ? item.error : 'UNKNOWN')}</span>}
              <button type="button" onClick={() => remove(item.key)} aria-label={t('removeAttachment', { name: item.fileName })}>✕</button>
            </li>
          ))}
        </ul>
      )}
      {queue.pending.length > 0 && (
        <p role="status" data-testid="composer-queued" className="mt-2 text-sm text-amber-800">
          {t('queued', { count: queue.pending.length })}
        </p>
      )}
      {failure && (
        <p role="alert" className="mt-2 flex items-center gap-2 text-sm text-red-700">
          {t('sendFailed')}
          <button type="button" className="underline" onClick={() => void send({ echoId: failure.echoId, content: text })}>{t('retry')}</button>
        </p>
      )}
      <div className="mt-2 flex items-center gap-2 max-md:hidden max-md:group-focus-within/composer:flex max-md:group-data-[open]/composer:flex">
        {/* A label for a real file input: it opens the picker without JavaScript, and the picked
            files go with the form's plain post; with JavaScript they upload at once instead. */}
        <label className="cursor-pointer rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500" title={t('attach')}>
          <input type="file" name="files" multiple className="sr-only" aria-label={t('attach')} onChange={(event) => { addFiles(event.target.files); event.target.value = ''; }} />
          <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.5"><path d="M14 7l-6 6a2 2 0 0 0 3 3l7-7a4 4 0 0 0-6-6l-7 7a6 6 0 0 0 8 8l5-5" /></svg>
        </label>
        <VoiceRecorder
          disabled={busy}
          onRecorded={async (audio, duration) => {
            const stored = await upload(audio, { voiceNote: { duration } });
            if (stored.status === 'done') {
              remove(stored.key);
              await send({ attachments: [stored], content: '' });
            }
          }}
        />
        <label className="ml-auto flex items-center gap-1 text-xs text-slate-500">
          <input type="checkbox" checked={enterToSend} onChange={(event) => changeEnterToSend(event.target.checked)} />
          {t('enterToSend')}
        </label>
        <button type="submit" disabled={busy} className={`rounded-md px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50 ${mode === 'note' ? 'bg-amber-600 hover:bg-amber-700' : 'bg-brand-500 hover:bg-brand-600'}`}>
          {/* From the checked radio, so "Añadir nota" shows without JavaScript too. */}
          <span className="group-has-[input[name=mode][value=note]:checked]/composer:hidden">{t('send')}</span>
          <span className="hidden group-has-[input[name=mode][value=note]:checked]/composer:inline">{t('addNote')}</span>
        </button>
      </div>
    </form>
  );
};
