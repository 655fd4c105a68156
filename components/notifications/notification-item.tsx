'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { markNotificationReadAction, openNotificationAction } from '@/lib/actions/notifications';
import type { NotificationItem as Item } from '@/lib/domain/notifications/list-notifications';

// One notification: a button that opens its conversation (and reads it), when, and "mark as read"
// while unread. Both are forms, so they work without JavaScript.
export const NotificationItem = ({ item, now }: { item: Item; now: Date }) => {
  const t = useTranslations('notifications');
  const format = useFormatter();
  const [openState, open, opening] = useActionState(openNotificationAction, {});
  const [readState, markRead, marking] = useActionState(markNotificationReadAction, {});
  const unread = item.readAt === null;
  // No agent behind it: the customer wrote (a participating message), or an automation acted.
  const actor = item.actorName ?? (item.type === 'participating_message' ? item.contactName : null);
  const number = item.conversation.displayId;
  const text = actor ? t(`types.${item.type}`, { actor, number }) : t(`typesWithoutActor.${item.type}`, { number });
  return (
    <div className={`flex items-start gap-2 px-3 py-2 ${unread ? 'bg-brand-50/60' : ''}`} data-testid="notification-item">
      <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? 'bg-brand-500' : 'bg-transparent'}`} />
      <form action={open} className="min-w-0 flex-1">
        <input type="hidden" name="notificationId" value={item.id} />
        <button type="submit" disabled={opening} className="w-full text-left text-sm hover:underline focus-visible:underline">
          <span className={unread ? 'font-semibold' : ''}>{text}</span>
          {unread && <span className="sr-only"> ({t('unread')})</span>}
          <span className="block truncate text-xs text-slate-500">
            {item.contactName} · {format.relativeTime(item.createdAt, now)}
          </span>
        </button>
        <FormError state={openState} />
      </form>
      {unread && (
        <form action={markRead}>
          <input type="hidden" name="notificationId" value={item.id} />
          <button type="submit" disabled={marking} className="rounded px-1.5 text-xs text-slate-500 hover:bg-slate-100" aria-label={t('markRead')} title={t('markRead')}>
            ✓
          </button>
          <FormError state={readState} />
        </form>
      )}
    </div>
  );
};
