import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { DetailsLink } from '@/components/contact-sidebar/details-link';
import { ChannelIcon } from '@/components/ui/channel-icon';
import type { ConversationWithBasics } from '@/lib/domain/conversations/get-conversation';
import { MuteToggle } from './mute-toggle';
import { StatusActions } from './status-actions';
import { TranscriptMenu } from './transcript-menu';
import { ViewingAvatars } from './viewing-avatars';

type Props = { conversation: ConversationWithBasics; backHref: string; mutedUntil: Date | null; timeZone: string; hasAssignee: boolean; showDetails?: boolean };

// C1: contact and inbox, the "Más detalles" toggle, mute (C3), send transcript (C4) and change status (C2); under it, what the
// conversation is waiting for (snoozed until when) and whether I muted it.
export const ChatHeader = async ({ conversation, backHref, mutedUntil, timeZone, hasAssignee, showDetails = false }: Props) => {
  const [t, tSidebar, format] = await Promise.all([getTranslations('chat'), getTranslations('sidebar'), getFormatter()]);
  const contactName = conversation.contact.name || conversation.contact.phone || conversation.contact.email || '';
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
        <Link href={backHref} className="rounded p-1 text-slate-600 md:hidden" aria-label={t('back')}>
          ←
        </Link>
        <Avatar name={contactName} src={conversation.contact.avatarUrl} />
        <div className="min-w-0 flex-1">
          <h2 className="truncate font-semibold">{contactName}</h2>
          <p className="flex items-center gap-1 text-xs text-slate-500">
            <ChannelIcon channel={conversation.inbox.channelType} />
            <span className="truncate">{conversation.inbox.name}</span>
            <span aria-hidden>·</span>
            <span>#{conversation.displayId}</span>
            <span aria-hidden>·</span>
            <span data-testid="conversation-status">{t(`status.${conversation.status}`)}</span>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1">
          <ViewingAvatars />
          <MuteToggle conversationId={conversation.id} muted={Boolean(mutedUntil)} />
          <TranscriptMenu conversationId={conversation.id} contactEmail={conversation.contact.email} hasAssignee={hasAssignee} />
          <StatusActions conversationId={conversation.id} status={conversation.status} />
          <DetailsLink open={!showDetails} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-50">
            {showDetails ? tSidebar('hide') : tSidebar('show')}
          </DetailsLink>
        </div>
      </div>
      {(conversation.status === 'snoozed' || mutedUntil) && (
        <div className="flex flex-wrap gap-2 px-4 pb-2 text-xs">
          {conversation.status === 'snoozed' && (
            <p className="rounded bg-violet-100 px-2 py-0.5 text-violet-900">
              {conversation.snoozedUntil ? t('snoozedUntil', { date: when(conversation.snoozedUntil) }) : t('snoozedUntilReply')}
            </p>
          )}
          {mutedUntil && <p className="rounded bg-slate-100 px-2 py-0.5 text-slate-700">{t('mutedUntil', { date: when(mutedUntil) })}</p>}
        </div>
      )}
    </header>
  );
};
