'use client';

import { useParams, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useRealtime, useRealtimeEvents } from '@/components/realtime/realtime-provider';
import { listMayChange } from '@/components/realtime/refresh-urgency';
import { LIST_EVENTS } from '@/lib/domain/events/list-events';
import { QUICK_DELAY_MS, useCoalescedRefresh } from '@/components/realtime/use-coalesced-refresh';
import { loadMoreConversationsAction } from '@/lib/actions/conversations';
import type { PreviewCard as Card } from '@/lib/domain/conversations/list/load-preview-cards';
import type { TListQuery, TListView } from '@/lib/domain/conversations/list/list-query';
import { PreviewCard } from './preview-card';
import { replaceFirstPage } from './replace-first-page';

type Props = {
  view: TListView;
  query: TListQuery;
  initial: Card[];
  initialCursor: string | null;
  // `${basePath}/${id}${search}` opens a conversation and keeps the list state.
  basePath: string;
  search: string;
  loadMoreHref: string | null;
  now: Date;
  // The bulk-actions form the checkboxes belong to.
  formId: string;
};

// The cards of the list with infinite scroll (a "load more" link without JavaScript) and a checkbox
// per card for bulk actions.
export const ConversationCards = ({ view, query, initial, initialCursor, basePath, search, loadMoreHref, now, formId }: Props) => {
  const t = useTranslations('list');
  const [cards, setCards] = useState(initial);
  const [cursor, setCursor] = useState(initialCursor);
  const [failed, setFailed] = useState(false);
  const [loading, startLoading] = useTransition();
  const sentinel = useRef<HTMLLIElement>(null);

  // A re-render of the list (after an action, or live after a realtime event) brings its first page
  // again: it replaces the first page shown. Pages loaded further down stay (without the cards that
  // moved up into the first page), so the agent's scroll position survives; they are re-read when
  // the list is next opened. A new view, tab or filter is a new component (keyed by its URL).
  const firstPage = useRef(initial.length);
  const loadedMore = useRef(false);
  // Opening a conversation marks it read (the chat panel does) and does not render the list again:
  // the cards opened since the list was last read show no unread messages.
  const activeId = Number(useParams<{ conversationId?: string }>().conversationId);
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set());
  if (activeId && !opened.has(activeId)) setOpened(new Set([...opened, activeId]));
  const showFirstPage = (items: Card[], nextCursor: string | null) => {
    setOpened(new Set());
    const shownFirstPage = firstPage.current;
    firstPage.current = items.length;
    setCards((previous) => replaceFirstPage(previous, shownFirstPage, items));
    if (!loadedMore.current) setCursor(nextCursor);
  };
  const [renderedFrom, setRenderedFrom] = useState(initial);
  if (renderedFrom !== initial) {
    setRenderedFrom(initial);
    showFirstPage(initial, initialCursor);
  }

  // Live (L7): a conversation or message event that can change the cards re-reads the first page at
  // once, coalesced per burst (not one about a conversation this list neither shows nor would show:
  // listMayChange); the page's own re-render (counts, chat) follows through the RealtimeProvider.
  // While a re-read is due or on its way, every list event asks for one more: the cards it will
  // show are not known yet, and a change made after the server read it must not be lost.
  const reading = useRef({ due: false, run: 0 });
  const refetch = useCoalescedRefresh(() => {
    const run = ++reading.current.run;
    void loadMoreConversationsAction(view, { ...query, cursor: undefined })
      .then((page) => !page.error && showFirstPage(page.items, page.nextCursor))
      .catch(() => undefined)
      .finally(() => {
        if (reading.current.run === run) reading.current.due = false;
      });
  }, QUICK_DELAY_MS);
  const userId = useRealtime()?.userId;
  // (useRealtimeEvents calls the latest render's listener: `cards` are the ones shown.)
  useRealtimeEvents(({ event, data }) => {
    if (userId === undefined || !LIST_EVENTS.has(event)) return;
    const list = { tab: query.tab, status: query.status, userId, shownIds: new Set(cards.map((card) => card.id)) };
    if (reading.current.due || listMayChange(event, data, list)) {
      reading.current.due = true;
      refetch();
    }
  });

  const loadMore = () => {
    if (!cursor || loading) return;
    startLoading(async () => {
      try {
        const page = await loadMoreConversationsAction(view, { ...query, cursor });
        if (page.error) {
          setFailed(true);
          return;
        }
        setCards((previous) => {
          const seen = new Set(previous.map((card) => card.id));
          return [...previous, ...page.items.filter((card) => !seen.has(card.id))];
        });
        loadedMore.current = true;
        setCursor(page.nextCursor);
        setFailed(false);
      } catch {
        setFailed(true);
      }
    });
  };

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !cursor) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && loadMore(), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  });

  // "Más detalles" stays open from one conversation to the next.
  const cardSearch = useSearchParams().get('details') === '1' ? `${search}${search ? '&' : '?'}details=1` : search;

  if (cards.length === 0) return <p className="p-6 text-center text-sm text-slate-500">{t('empty')}</p>;

  return (
    <ul aria-label={t('cards')} aria-busy={loading}>
      {cards.map((card) => (
        <li key={card.id}>
          <PreviewCard card={card} href={`${basePath}/${card.id}${cardSearch}`} now={now} active={card.id === activeId} read={opened.has(card.id)} formId={formId} />
        </li>
      ))}
      {cursor && (
        <li ref={sentinel} className="p-3 text-center text-sm">
          {failed ? (
            <button type="button" onClick={loadMore} className="text-brand-600 underline">{t('retryLoadMore')}</button>
          ) : loading ? (
            <span className="text-slate-500">{t('loading')}</span>
          ) : (
            loadMoreHref && <a href={loadMoreHref} className="text-brand-600 underline" onClick={(event) => { event.preventDefault(); loadMore(); }}>{t('loadMore')}</a>
          )}
        </li>
      )}
    </ul>
  );
};
