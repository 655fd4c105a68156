import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { NotificationPage } from '@/lib/domain/notifications/list-notifications';
import { MarkAllReadButton } from './mark-all-read-button';
import { NotificationItem } from './notification-item';

// Every notification, newest first, a page at a time ("Más antiguas" is a link: no JavaScript needed).
export const NotificationsList = async ({ page, unread, paged }: { page: NotificationPage; unread: number; paged: boolean }) => {
  const t = await getTranslations('notifications');
  const now = new Date();
  return (
    <main className="flex-1 overflow-y-auto bg-slate-50">
      <header className="flex items-center gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <a href="#views" className="rounded p-1 text-slate-600 md:hidden" aria-label={t('openMenu')}>
          ☰
        </a>
        <div className="min-w-0 flex-1">
          <h1 className="text-base font-semibold">{t('title')}</h1>
          <p className="text-sm text-slate-500">{unread ? t('bellUnread', { count: unread }) : t('allRead')}</p>
        </div>
        {unread > 0 && <MarkAllReadButton />}
      </header>
      <div className="mx-auto flex max-w-2xl flex-col gap-3 p-4">
        {page.items.length === 0 ? (
          <p className="rounded-md bg-white p-6 text-center text-sm text-slate-500">{t('empty')}</p>
        ) : (
          <ul aria-label={t('title')} className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {page.items.map((item) => (
              <li key={item.id}>
                <NotificationItem item={item} now={now} />
              </li>
            ))}
          </ul>
        )}
        <nav className="flex justify-between text-sm">
          {paged ? <Link href="/notifications" className="text-brand-600 underline">{t('newest')}</Link> : <span />}
          {page.nextCursor && (
            <Link href={`/notifications?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-brand-600 underline">
              {t('older')}
            </Link>
          )}
        </nav>
      </div>
    </main>
  );
};
