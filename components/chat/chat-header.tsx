import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { DetailsLink } from '@/components/contact-sidebar/details-link';
import { ChannelIcon } from '@/components/ui/channel-icon';
import { iconButton, SidebarIcon } from '@/components/ui/icons';
import type { ConversationWithBasics } from '@/lib/domain/conversations/get-conversation';
import { MuteToggle } from './mute-toggle';
import { StatusActions } from './status-actions';
import { TranscriptMenu } from './transcript-menu';
import { ViewingAvatars } from './viewing-avatars';

type Props = {
  conversation: ConversationWithBasics;
  backHref: string;
  mutedUntil: Date | null;
  timeZone: string;
  hasAssignee: boolean;
  showDetails?: boolean;
  // An email conversation's subject (its first message's).
  subject?: string | null;
};

// C1: contact and inbox (then the email subject, truncated first; what the conversation waits for and whether I
// muted it), then icon buttons with tooltips for mute (C3), transcript (C4) and "Más detalles",
// and the status split button (C2). One row on a desktop; on a phone two: who, then the actions.
// The contact's and the inbox's names each keep a minimum width, so neither is cut to nothing.
export const ChatHeader = async ({ conversation, backHref, mutedUntil, timeZone, hasAssignee, showDetails = false, subject = null }: Props) => {
  const [t, tSidebar, format] = await Promise.all([getTranslations('chat'), getTranslations('sidebar'), getFormatter()]);
  const contactName = conversation.contact.name || conversation.contact.phone || conversation.contact.email || '';
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const detailsLabel = showDetails ? tSidebar('hide') : tSidebar('show');
  return (
    <header className="border-b border-slate-200 bg-white" data-testid="chat-header">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5 px-3 py-2 md:flex-nowrap md:gap-x-3 md:px-4">
        <div className="flex min-w-0 basis-full items-center gap-2 md:basis-auto md:flex-1">
          <Link href={backHref} className="flex h-10 w-8 shrink-0 items-center justify-center rounded text-slate-600 md:hidden" aria-label={t('back')}>
            ←
          </Link>
          <Avatar name={contactName} src={conversation.contact.avatarUrl} />
          <div className="min-w-0 flex-1">
            <h2 className="truncate font-semibold leading-5" title={contactName}>
              {contactName}
            </h2>
            <p className="flex min-w-0 items-center gap-1 text-xs leading-4 text-slate-500">
              <ChannelIcon channel={conversation.inbox.channelType} />
              <span className="min-w-12 shrink truncate" title={conversation.inbox.name}>
                {conversation.inbox.name}
              </span>
              <span aria-hidden>·</span>
              <span className="shrink-0">#{conversation.displayId}</span>
              <span aria-hidden>·</span>
              <span className="shrink-0" data-testid="conversation-status">{t(`status.${conversation.status}`)}</span>
              {subject && (
                <>
                  <span aria-hidden>·</span>
                  <span className="min-w-16 shrink-[3] truncate text-slate-700" data-testid="conversation-subject" title={subject}>
                    <span className="sr-only">{t('subject')}: </span>
                    {subject}
                  </span>
                </>
              )}
              {conversation.status === 'snoozed' && (
                <span className="min-w-0 shrink-[2] truncate rounded bg-violet-100 px-1.5 text-violet-900">
                  {conversation.snoozedUntil ? t('snoozedUntil', { date: when(conversation.snoozedUntil) }) : t('snoozedUntilReply')}
                </span>
              )}
              {mutedUntil && (
                <span className="min-w-0 shrink-[2] truncate rounded bg-slate-100 px-1.5 text-slate-700" title={t('mutedUntil', { date: when(mutedUntil) })}>
                  {t('mutedUntil', { date: when(mutedUntil) })}
                </span>
              )}
            </p>
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-1 max-md:ml-10 max-md:flex-1">
          <ViewingAvatars />
          <MuteToggle conversationId={conversation.id} muted={Boolean(mutedUntil)} />
          <TranscriptMenu conversationId={conversation.id} contactEmail={conversation.contact.email} hasAssignee={hasAssignee} />
          <DetailsLink open={!showDetails} label={detailsLabel} className={`${iconButton} ${showDetails ? 'bg-slate-100' : ''}`}>
            <SidebarIcon />
          </DetailsLink>
          <div className="max-md:ml-auto">
            <StatusActions conversationId={conversation.id} status={conversation.status} />
          </div>
        </div>
      </div>
    </header>
  );
};
