import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/domain/context';
import { AppBadge } from '@/components/pwa/app-badge';
import { groupNotifications } from '@/lib/domain/notifications/group-notifications';
import { readLatestNotifications, readUnreadNotifications } from '@/lib/request-reads';
import { BellMenu } from './bell-menu';
import { BrowserPermissionButton } from './browser-notifications';
import { MarkAllReadButton } from './mark-all-read-button';
import { NotificationItem } from './notification-item';
import { PushOptIn } from './lazy';

const IN_PANEL = 6;

// The bell: unread count, and a panel with the latest notifications grouped by conversation and type
// ("3 mensajes nuevos en #166", mentions first, each with an excerpt), "mark all read", the link to
// the notifications page and the browser-notifications switch. A <details> menu, so it opens
// without JavaScript and by keyboard; the count is live because every realtime event re-renders the layout.
// Two places: the views panel ('panel', a column on a desktop, the drawer on a phone) and, on phones
// only, the list header ('header', its panel opening leftwards); each with its own test ids.
export const NotificationBell = async ({ ctx, placement = 'panel' }: { ctx: Ctx; placement?: 'panel' | 'header' }) => {
  const [t, unread, { items }] = await Promise.all([getTranslations('notifications'), readUnreadNotifications(ctx), readLatestNotifications(ctx)]);
  const label = unread ? t('bellUnread', { count: unread }) : t('bell');
  const suffix = placement === 'header' ? '-phone' : '';
  return (
    <BellMenu className="group relative">
      <summary
        aria-label={label}
        title={label}
        data-testid={`notification-bell${suffix}`}
        className="relative flex cursor-pointer list-none items-center rounded p-1 text-slate-600 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M10 3a5 5 0 0 0-5 5v3l-1.5 2.5h13L15 11V8a5 5 0 0 0-5-5Zm-2 12.5a2 2 0 0 0 4 0" />
        </svg>
        {unread > 0 && (
          <span data-testid={`notification-count${suffix}`} className="bg-brand-500 absolute -top-1 -right-1 min-w-4 rounded-full px-1 text-center text-[10px] leading-4 font-semibold text-white">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </summary>
      <div className={`absolute top-full ${placement === 'header' ? 'right-0' : 'left-0'} z-50 mt-1 w-80 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white shadow-lg`}>
        <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
          <h2 className="text-sm font-semibold">{t('title')}</h2>
          {unread > 0 && <MarkAllReadButton />}
        </div>
        {items.length === 0 ? (
          <p className="px-3 py-4 text-center text-sm text-slate-500">{t('empty')}</p>
        ) : (
          <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
            {groupNotifications(items)
              .slice(0, IN_PANEL)
              .map((group) => (
                <li key={group.latest.id}>
                  <NotificationItem
                    item={group.latest}
                    now={new Date()}
                    count={group.items.length}
                    alsoRead={group.items.filter((item) => item !== group.latest && item.readAt === null).map((item) => item.id)}
                  />
                </li>
              ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-3 py-2">
          <Link href="/notifications" className="text-brand-600 text-sm underline">
            {t('seeAll')}
          </Link>
          <BrowserPermissionButton />
          <PushOptIn />
        </div>
        {placement === 'panel' && <AppBadge count={unread} />}
      </div>
    </BellMenu>
  );
};
