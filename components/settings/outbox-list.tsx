import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { OutboxSummary } from '@/lib/domain/mail/list-outbox';
import { OutboxStatus, outboxKindKey } from './outbox-status';

export const OUTBOX_FILTERS = ['all', 'failed', 'stored', 'sent', 'queued'] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];

const hrefOf = (filter: OutboxFilter, cursor?: string) => {
  const params = new URLSearchParams();
  if (filter !== 'all') params.set('status', filter);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return `/settings/outbox${query ? `?${query}` : ''}`;
};

type Props = { items: OutboxSummary[]; nextCursor: string | null; filter: OutboxFilter; paged: boolean };

// The outbox as a list of cards (one column on a phone): status, subject, recipients, kind, who
// sent it and when, the error of a failed one; each opens the whole mail. Status tabs and an
// "older" link keep everything in the URL (works without JavaScript).
export const OutboxList = async ({ items, nextCursor, filter, paged }: Props) => {
  const [t, format] = await Promise.all([getTranslations('outbox'), getFormatter()]);
  return (
    <section aria-labelledby="outbox-list" className="rounded-lg border border-slate-200 bg-white">
      <h2 id="outbox-list" className="sr-only">{t('title')}</h2>
      <nav aria-label={t('filterLabel')} className="flex gap-1 overflow-x-auto border-b border-slate-200 p-2">
        {OUTBOX_FILTERS.map((option) => (
          <Link
            key={option}
            href={hrefOf(option)}
            aria-current={option === filter ? 'page' : undefined}
            className="shrink-0 rounded-md px-2.5 py-1 text-sm text-slate-600 hover:bg-slate-100 aria-[current=page]:bg-slate-800 aria-[current=page]:text-white"
          >
            {t(`filter.${option}`)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="p-6 text-center text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id} className="border-b border-slate-100 last:border-0">
              <Link href={`/settings/outbox/${item.id}`} className="flex flex-col gap-1 p-3 hover:bg-slate-50 sm:p-4">
                <span className="flex items-start justify-between gap-2">
                  <span className="min-w-0 font-medium break-words">{item.subject}</span>
                  <OutboxStatus status={item.status} />
                </span>
                <span className="text-sm break-all text-slate-600">
                  {t('to')}: {item.toAddresses.join(', ')}
                </span>
                <span className="flex flex-wrap gap-x-3 text-xs text-slate-500">
                  <span>{t(outboxKindKey(item.kind))}</span>
                  <span>{item.sentByName ?? t('system')}</span>
                  <time dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                  <span>{t('attempts', { count: item.attempts })}</span>
                </span>
                {item.status === 'failed' && item.error && <span className="text-sm break-words text-red-700">{item.error}</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {(nextCursor || paged) && (
        <div className="flex flex-wrap justify-between gap-2 border-t border-slate-200 p-3 text-sm">
          {paged ? <Link href={hrefOf(filter)} className="text-brand-600 underline">{t('newest')}</Link> : <span />}
          {nextCursor && <Link href={hrefOf(filter, nextCursor)} className="text-brand-600 underline">{t('older')}</Link>}
        </div>
      )}
    </section>
  );
};
