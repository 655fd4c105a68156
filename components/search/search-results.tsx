import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SearchBox } from '@/components/conversation-list/search-box';
import { Avatar } from '@/components/ui/avatar';
import { ChannelIcon } from '@/components/ui/channel-icon';
import type { Ctx } from '@/lib/domain/context';
import { searchContacts } from '@/lib/domain/search/search-contacts';
import { searchMessages } from '@/lib/domain/search/search-messages';
import { SEARCH_QUERY_MAX_LENGTH, SEARCH_QUERY_MIN_LENGTH } from '@/lib/domain/search/search-query';
import { isDomainError } from '@/lib/domain/errors';

// Messages that contain the query (excerpt with the term highlighted) and contacts that match it
// with their conversations, both limited to the inboxes the agent may see.
export const SearchResults = async ({ ctx, q, cursor }: { ctx: Ctx; q: string; cursor?: string }) => {
  const [t, format] = await Promise.all([getTranslations('search'), getFormatter()]);
  // A query longer than the limit is searched cut to it, and the page says so (never an error page).
  const characters = Array.from(q.trim());
  const cut = characters.length > SEARCH_QUERY_MAX_LENGTH;
  const query = cut ? characters.slice(0, SEARCH_QUERY_MAX_LENGTH).join('').trim() : q.trim();
  const tooShort = query.length < SEARCH_QUERY_MIN_LENGTH;
  const [messages, contacts] = tooShort
    ? [{ items: [], nextCursor: null }, []]
    : await Promise.all([
        searchMessages(ctx, { q: query, cursor }).catch((error) => {
          if (isDomainError(error)) return { items: [], nextCursor: null };
          throw error;
        }),
        cursor
          ? Promise.resolve([])
          : searchContacts(ctx, { q: query }).catch((error) => {
              if (isDomainError(error)) return [];
              throw error;
            }),
      ]);

  return (
    <div className="flex flex-col">
      <div className="border-b border-slate-200 px-3 py-2">
        <SearchBox defaultValue={query} />
      </div>
      {cut && (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('cut', { max: SEARCH_QUERY_MAX_LENGTH })}
        </p>
      )}
      {tooShort ? (
        <p className="p-6 text-center text-sm text-slate-500">{t('tooShort', { min: SEARCH_QUERY_MIN_LENGTH })}</p>
      ) : (
        <>
          {contacts.length > 0 && (
            <section aria-labelledby="contact-results" className="border-b border-slate-200">
              <h2 id="contact-results" className="px-3 pt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('contacts')}</h2>
              <ul>
                {contacts.map(({ contact, conversations }) => (
                  <li key={contact.id} className="flex gap-3 px-3 py-2">
                    <Avatar name={contact.name} src={contact.avatarUrl} />
                    <div className="min-w-0 flex-1 text-sm">
                      <p className="truncate font-medium">{contact.name || contact.phone || contact.email}</p>
                      <p className="truncate text-xs text-slate-500">{[contact.email, contact.phone, contact.company].filter(Boolean).join(' · ')}</p>
                      <ul className="mt-1 flex flex-wrap gap-1">
                        {conversations.map((conversation) => (
                          <li key={conversation.id}>
                            <Link href={`/all/${conversation.id}?status=all&tab=all`} className="rounded border border-slate-200 px-1.5 text-xs text-brand-700 hover:bg-slate-50">
                              #{conversation.displayId} · {conversation.inbox.name}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="message-results">
            <h2 id="message-results" className="px-3 pt-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('messages')}</h2>
            {messages.items.length === 0 ? (
              <p className="p-6 text-center text-sm text-slate-500">{contacts.length ? t('noMessages') : t('noResults', { q: query })}</p>
            ) : (
              <ul>
                {messages.items.map((item) => (
                  <li key={item.message.id} className="relative border-b border-slate-100 px-3 py-2 text-sm hover:bg-slate-50">
                    <p className="flex items-center gap-1 text-xs text-slate-500">
                      <ChannelIcon channel={item.inbox.channelType} />
                      <span className="truncate">{item.inbox.name}</span>
                      <span aria-hidden>·</span>
                      <Link href={`/all/${item.conversationId}?status=all&tab=all`} className="after:absolute after:inset-0">
                        #{item.displayId} {item.contact.name}
                      </Link>
                      <time className="ml-auto" dateTime={item.message.createdAt.toISOString()}>{format.dateTime(item.message.createdAt, { dateStyle: 'medium' })}</time>
                    </p>
                    <p className="mt-0.5 text-slate-700">
                      {item.message.senderName && <span className="text-slate-500">{item.message.senderName}: </span>}
                      {item.excerpt.map((segment, index) =>
                        segment.highlighted ? <mark key={index} className="rounded bg-yellow-200 px-0.5">{segment.text}</mark> : <span key={index}>{segment.text}</span>,
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {messages.nextCursor && (
              <p className="p-3 text-center text-sm">
                <Link href={`/search?${new URLSearchParams({ q: query, cursor: messages.nextCursor })}`} className="text-brand-600 underline">{t('more')}</Link>
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
};
