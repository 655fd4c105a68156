import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { ChannelIcon } from '@/components/ui/channel-icon';
import { Avatar } from '@/components/ui/avatar';
import { PriorityBadge } from '@/components/ui/priority-badge';
import type { PreviewCard as Card } from '@/lib/domain/conversations/list/load-preview-cards';

type Props = { card: Card; href: string; now: Date; active: boolean; selectable?: React.ReactNode };

// L6: one conversation in the list: channel and inbox, contact, assignee, last message, time,
// unread count, labels, priority, and snoozed-until or waiting time.
export const PreviewCard = ({ card, href, now, active, selectable }: Props) => {
  const t = useTranslations('list');
  const format = useFormatter();
  const contactName = card.contact.name || card.contact.phone || card.contact.email || t('unknownContact');
  const message = card.lastMessage;
  return (
    <article
      aria-current={active ? 'true' : undefined}
      className="relative flex gap-3 border-b border-slate-100 px-3 py-3 hover:bg-slate-50 aria-[current=true]:bg-brand-50 has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-brand-500 has-[a:focus-visible]:ring-inset"
    >
      {selectable}
      <Avatar name={contactName} src={card.contact.avatarUrl} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <h3 className="min-w-0 flex-1 truncate text-sm font-semibold">
            <Link href={href} data-conversation-link={card.id} className="after:absolute after:inset-0 focus-visible:outline-none" prefetch={false}>
              {contactName}
            </Link>
          </h3>
          <time dateTime={card.lastActivityAt.toISOString()} className="shrink-0 text-xs text-slate-500" title={format.dateTime(card.lastActivityAt, { dateStyle: 'medium', timeStyle: 'short' })}>
            {format.relativeTime(card.lastActivityAt, now)}
          </time>
        </div>
        <p className="flex items-center gap-1 text-xs text-slate-500">
          <ChannelIcon channel={card.inbox.channelType} />
          <span className="truncate">{card.inbox.name}</span>
          <span aria-hidden>·</span>
          <span>#{card.displayId}</span>
          <span aria-hidden>·</span>
          <span className="truncate">{card.assignee ? card.assignee.name : t('unassigned')}</span>
        </p>
        <div className="mt-1 flex items-start gap-2">
          <p className={`min-w-0 flex-1 truncate text-sm ${card.unreadCount > 0 ? 'font-medium text-slate-900' : 'text-slate-600'}`}>
            {message ? (
              <>
                {message.private && <span className="mr-1 rounded bg-amber-100 px-1 text-xs text-amber-800">{t('privateNote')}</span>}
                {message.senderName && message.messageType !== 'incoming' && <span className="text-slate-500">{message.senderName}: </span>}
                {message.excerpt || (message.attachmentKind ? t(`attachment.${message.attachmentKind}`) : '')}
              </>
            ) : (
              <span className="text-slate-400">{t('noMessages')}</span>
            )}
          </p>
          {card.unreadCount > 0 && (
            <span className="rounded-full bg-brand-500 px-1.5 text-xs font-semibold text-white tabular-nums" aria-label={t('unread', { count: card.unreadCount })}>
              {card.unreadCount}
            </span>
          )}
        </div>
        <CardBadges card={card} now={now} />
      </div>
    </article>
  );
};

const CardBadges = ({ card, now }: { card: Card; now: Date }) => {
  const t = useTranslations('list');
  const format = useFormatter();
  const waiting = card.status === 'open' && card.waitingSince;
  if (!card.labels.length && card.priority === 'none' && card.status !== 'snoozed' && !waiting) return null;
  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-1 text-xs">
      {card.priority !== 'none' && <PriorityBadge priority={card.priority} />}
      {card.status === 'snoozed' && (
        <span className="rounded bg-violet-100 px-1.5 text-violet-800">
          {card.snoozedUntil ? t('snoozedUntil', { date: format.dateTime(card.snoozedUntil, { dateStyle: 'short', timeStyle: 'short' }) }) : t('snoozedUntilReply')}
        </span>
      )}
      {waiting && card.waitingSince && (
        <span className="rounded bg-orange-100 px-1.5 text-orange-800">{t('waiting', { time: format.relativeTime(card.waitingSince, now) })}</span>
      )}
      {card.labels.map((label) => (
        <span key={label.id} className="inline-flex items-center gap-1 rounded border border-slate-200 px-1.5 text-slate-700">
          <span aria-hidden className="h-2 w-2 rounded-full" style={{ backgroundColor: label.color }} />
          {label.title}
        </span>
      ))}
    </div>
  );
};
