import { Link } from '@/components/ui/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { memo } from 'react';
import { ChannelIcon } from '@/components/ui/channel-icon';
import { Avatar } from '@/components/ui/avatar';
import { PriorityBadge } from '@/components/ui/priority-badge';
import { formatWaitingTime } from '@/lib/format/waiting-time';
import type { PreviewCard as Card } from '@/lib/domain/conversations/list/load-preview-cards';

// `read`: opened since the list was read, so no unread count. `formId`: the bulk-actions form its
// checkbox belongs to.
type Props = { card: Card; href: string; now: Date; active: boolean; read: boolean; formId: string };

// L6: one conversation in the list, in three dense lines (~69 px, so a 1280×800 screen shows nine
// or more): contact and time; the last message and the unread count; channel and inbox, number,
// assignee, then priority, snoozed-until or waiting time and labels, on one line that never wraps.
// Memoised: opening a conversation re-renders the list, and only the cards whose props changed (the
// one left, the one opened) need to render again (issue 16: switching).
export const PreviewCard = memo(function PreviewCard({ card, href, now, active, read, formId }: Props) {
  const t = useTranslations('list');
  const format = useFormatter();
  const contactName = card.contact.name || card.contact.phone || card.contact.email || t('unknownContact');
  const message = card.lastMessage;
  const unreadCount = read ? 0 : card.unreadCount;
  return (
    <article
      aria-current={active ? 'true' : undefined}
      className="relative flex gap-2.5 border-b border-slate-100 px-3 py-1.5 hover:bg-slate-50 aria-[current=true]:bg-brand-50 has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-brand-500 has-[a:focus-visible]:ring-inset"
    >
      <input
        type="checkbox"
        name="conversationIds"
        value={card.id}
        form={formId}
        aria-label={t('select', { number: card.displayId })}
        className="relative z-10 mt-2.5 h-4 w-4 shrink-0 accent-brand-500"
      />
      <Avatar name={contactName} src={card.contact.avatarUrl} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <h3 className="min-w-0 flex-1 truncate text-sm leading-5 font-semibold">
            <Link href={href} data-conversation-link={card.id} className="after:absolute after:inset-0 focus-visible:outline-none">
              {contactName}
            </Link>
          </h3>
          <time dateTime={card.lastActivityAt.toISOString()} className="shrink-0 text-xs text-slate-600" title={format.dateTime(card.lastActivityAt, { dateStyle: 'medium', timeStyle: 'short' })}>
            {format.relativeTime(card.lastActivityAt, now)}
          </time>
        </div>
        <div className="flex items-center gap-2">
          <p className={`min-w-0 flex-1 truncate text-sm leading-5 ${unreadCount > 0 ? 'font-medium text-slate-900' : 'text-slate-600'}`}>
            {message ? (
              <>
                {message.private && <span className="mr-1 rounded bg-amber-100 px-1 text-xs text-amber-800">{t('privateNote')}</span>}
                {message.senderName && message.messageType !== 'incoming' && <span className="text-slate-600">{message.senderName}: </span>}
                {message.excerpt || (message.attachmentKind ? t(`attachment.${message.attachmentKind}`) : '')}
              </>
            ) : (
              <span className="text-slate-500">{t('noMessages')}</span>
            )}
          </p>
          {unreadCount > 0 && (
            <span className="rounded-full bg-brand-500 px-1.5 text-xs leading-4 font-semibold text-white tabular-nums" aria-label={t('unread', { count: unreadCount })}>
              {unreadCount}
            </span>
          )}
        </div>
        <p className="flex items-center gap-1 overflow-hidden text-xs leading-4 whitespace-nowrap text-slate-600">
          <ChannelIcon channel={card.inbox.channelType} />
          <span className="max-w-24 min-w-6 truncate">{card.inbox.name}</span>
          <span aria-hidden>·</span>
          <span className="shrink-0">#{card.displayId}</span>
          <span aria-hidden>·</span>
          <span className="max-w-20 min-w-6 truncate">{card.assignee ? card.assignee.name : t('unassigned')}</span>
          <CardBadges card={card} now={now} />
        </p>
      </div>
    </article>
  );
});

const CardBadges = ({ card, now }: { card: Card; now: Date }) => {
  const t = useTranslations('list');
  const format = useFormatter();
  const locale = useLocale();
  const waiting = card.status === 'open' && card.waitingSince;
  return (
    <>
      {card.priority !== 'none' && <PriorityBadge priority={card.priority} />}
      {card.status === 'snoozed' && (
        <span className="truncate rounded bg-violet-100 px-1.5 text-violet-800">
          {card.snoozedUntil ? t('snoozedUntil', { date: format.dateTime(card.snoozedUntil, { dateStyle: 'short', timeStyle: 'short' }) }) : t('snoozedUntilReply')}
        </span>
      )}
      {waiting && card.waitingSince && (
        <span className="shrink-0 rounded bg-orange-100 px-1.5 text-orange-800">{t('waiting', { time: formatWaitingTime(card.waitingSince, now, locale) })}</span>
      )}
      {card.labels.map((label) => (
        <span key={label.id} className="inline-flex shrink-0 items-center gap-1 rounded border border-slate-200 px-1 text-slate-700">
          <span aria-hidden className="h-2 w-2 rounded-full" style={{ backgroundColor: label.color }} />
          {label.title}
        </span>
      ))}
    </>
  );
};
