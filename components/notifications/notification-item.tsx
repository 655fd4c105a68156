import { useFormatter, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { markNotificationReadAction, openNotificationAction } from '@/lib/actions/notifications';
import type { NotificationItem as Item } from '@/lib/domain/notifications/list-notifications';

type Props = {
  item: Item;
  now: Date;
  // A grouped row: how many notifications it stands for, and the other unread ones it reads too.
  count?: number;
  alsoRead?: number[];
};

// One notification (or a group of the same conversation and type, shown by its newest): a button
// that opens its conversation (and reads it), an excerpt of the message, when, and "mark as read"
// while unread. Both are forms, so they work without JavaScript. Mentions stand out. Rendered on the
// server: only the forms' error handling (ActionForm) is the browser's code.
export const NotificationItem = ({ item, now, count = 1, alsoRead = [] }: Props) => {
  const t = useTranslations('notifications');
  const format = useFormatter();
  const unread = item.readAt === null || alsoRead.length > 0;
  const mention = item.type === 'conversation_mention';
  // No agent behind it: the customer wrote (a participating message), or an automation acted.
  const actor = item.actorName ?? (item.type === 'participating_message' ? item.contactName : null);
  const number = item.conversation.displayId;
  const text =
    count > 1 ? t(`grouped.${item.type}`, { count, number }) : actor ? t(`types.${item.type}`, { actor, number }) : t(`typesWithoutActor.${item.type}`, { number });
  const readIds = alsoRead.map((id) => <input key={id} type="hidden" name="alsoRead" value={id} />);
  return (
    <div
      className={`flex items-start gap-2 px-3 py-2 ${mention ? 'border-l-4 border-amber-400 bg-amber-50' : unread ? 'bg-brand-50/60' : ''}`}
      data-testid="notification-item"
      data-type={item.type}
    >
      {mention ? (
        <span aria-hidden className="mt-0.5 shrink-0 text-sm font-bold text-amber-700">@</span>
      ) : (
        <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? 'bg-brand-500' : 'bg-transparent'}`} />
      )}
      <ActionForm action={openNotificationAction} className="min-w-0 flex-1">
        <input type="hidden" name="notificationId" value={item.id} />
        {readIds}
        <button type="submit" className="w-full text-left text-sm hover:underline focus-visible:underline">
          <span className={unread ? 'font-semibold' : ''}>{text}</span>
          {unread && <span className="sr-only"> ({t('unread')})</span>}
          {item.excerpt && <span className="block truncate text-xs text-slate-700" data-testid="notification-excerpt">“{item.excerpt}”</span>}
          <span className="block truncate text-xs text-slate-500">
            {item.contactName} · {format.relativeTime(item.createdAt, now)}
          </span>
        </button>
      </ActionForm>
      {unread && (
        <ActionForm action={markNotificationReadAction}>
          <input type="hidden" name="notificationId" value={item.id} />
          {readIds}
          <button type="submit" className="rounded px-1.5 text-xs text-slate-500 hover:bg-slate-100" aria-label={t('markRead')} title={t('markRead')}>
            ✓
          </button>
        </ActionForm>
      )}
    </div>
  );
};
