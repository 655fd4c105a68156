'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { dateTimeFormat } from '@/lib/format/intl-formats';
import { useRealtimeEvents } from '@/components/realtime/realtime-provider';
import { QUICK_DELAY_MS, useCoalescedRefresh } from '@/components/realtime/use-coalesced-refresh';
import { reviveMessage, useChatState } from './chat-state';
import { MessageBubble, type DisplayMessage } from './message-bubble';
import { mergeMessages } from './merge-messages';
import { canDeleteMessage, MessageMenu } from './message-menu';

type Props = { conversationId: number; initial: DisplayMessage[]; hasOlder: boolean; locale: 'es' | 'en'; timeZone: string; isAdmin?: boolean; userId?: number };

const dayKey = (date: Date, timeZone: string) => dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

// The chat body: the latest 50 messages, older pages loaded when scrolled to the top without the
// view jumping, day separators, and this browser's just-sent messages until the server has them.
// Live: each re-render (a realtime event) merges the new latest page in; the view follows new
// messages when the agent was at the bottom (or sent one), and stays put while reading history.
export const MessageList = ({ conversationId, initial, hasOlder: initialHasOlder, locale, timeZone, isAdmin = false, userId }: Props) => {
  const t = useTranslations('chat');
  const format = useFormatter();
  const { local } = useChatState();
  const [older, setOlder] = useState<DisplayMessage[]>([]);
  const [received, setReceived] = useState({ from: initial, messages: initial });
  if (received.from !== initial) setReceived({ from: initial, messages: mergeMessages(received.messages, initial) });
  const [hasOlder, setHasOlder] = useState(initialHasOlder);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const scroller = useRef<HTMLOListElement>(null);
  const top = useRef<HTMLLIElement>(null);
  const keepFromBottom = useRef<number | null>(null);
  const nearBottom = useRef(true);

  // Live: a message event of this conversation fetches the latest page at once (the whole page's
  // re-render, with header and sidebar, follows through the RealtimeProvider).
  const fetchLatest = useCoalescedRefresh(() => {
    void fetch(`/api/conversations/${conversationId}/messages`)
      .then(async (response) => {
        if (!response.ok) return;
        const page = (await response.json()) as { messages: DisplayMessage[] };
        const latest = page.messages.map(reviveMessage);
        setReceived((previous) => ({ from: previous.from, messages: mergeMessages(previous.messages, latest) }));
      })
      .catch(() => undefined);
  }, QUICK_DELAY_MS);
  useRealtimeEvents(({ event, data }) => {
    if ((event === 'message.created' || event === 'message.updated') && data.conversationId === conversationId) fetchLatest();
  });

  // The "⋯" menu (delete) on the messages canDeleteMessage offers the reader.
  const viewer = userId === undefined ? null : { userId, isAdmin };
  const server = mergeMessages(older, received.messages);
  const serverIds = new Set(server.map((message) => message.id));
  const messages = [...server, ...local.filter((message) => !serverIds.has(message.id))];
  const lastId = messages.at(-1)?.id;
  // The calendar day of each message in the reader's zone: a separator where it changes.
  const days = messages.map((message) => dayKey(message.createdAt, timeZone));

  const loadOlder = async () => {
    const first = messages[0];
    if (!first || loading || !hasOlder) return;
    setLoading(true);
    try {
      const response = await fetch(`/api/conversations/${conversationId}/messages?beforeId=${first.id}`);
      if (!response.ok) throw new Error(String(response.status));
      const page = (await response.json()) as { messages: DisplayMessage[]; hasOlder: boolean };
      const element = scroller.current;
      keepFromBottom.current = element ? element.scrollHeight - element.scrollTop : null;
      setOlder((previous) => [...page.messages.map(reviveMessage), ...previous]);
      setHasOlder(page.hasOlder);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };

  // After older messages are prepended, keep what the agent was reading where it was.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && keepFromBottom.current !== null) {
      element.scrollTop = element.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    }
  }, [older]);

  // Open on the latest message, and follow new ones unless the agent scrolled up to read; their own
  // message always brings them down.
  const lastIsMine = local.some((message) => message.id === lastId);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && (nearBottom.current || lastIsMine)) element.scrollTop = element.scrollHeight;
  }, [lastId, lastIsMine]);

  useEffect(() => {
    const element = top.current;
    if (!element || !hasOlder) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && void loadOlder(), { root: scroller.current });
    observer.observe(element);
    return () => observer.disconnect();
  });

  return (
    <ol
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        nearBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 120;
      }}
      aria-label={t('messages')}
      aria-live="polite"
      // A scroll region the keyboard can reach (and scroll with the arrow keys).
      tabIndex={0}
      className="flex flex-1 flex-col gap-2 overflow-y-auto p-4">
      {hasOlder && (
        <li ref={top} className="text-center text-xs">
          <button type="button" onClick={() => void loadOlder()} className="text-brand-600 underline" disabled={loading}>
            {loading ? t('loadingOlder') : failed ? t('retryOlder') : t('loadOlder')}
          </button>
        </li>
      )}
      {messages.map((message, index) => {
        const newDay = index === 0 || days[index - 1] !== days[index];
        return (
          <Fragment key={message.id}>
            {newDay && (
              <li className="my-2 flex items-center gap-2 text-xs text-slate-600">
                <span aria-hidden className="h-px flex-1 bg-slate-200" />
                {format.dateTime(message.createdAt, { dateStyle: 'full', timeZone })}
                <span aria-hidden className="h-px flex-1 bg-slate-200" />
              </li>
            )}
            <li className="flex flex-col">
              <MessageBubble
                message={message}
                locale={locale}
                timeZone={timeZone}
                isAdmin={isAdmin}
                menu={canDeleteMessage(message, viewer) && <MessageMenu conversationId={conversationId} messageId={message.id} />}
              />
            </li>
          </Fragment>
        );
      })}
    </ol>
  );
};
