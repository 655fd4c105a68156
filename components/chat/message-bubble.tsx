import { useFormatter, useTranslations } from 'next-intl';
import { activityText } from '@/lib/domain/activity/activity-text';
import type { ChatMessage } from '@/lib/domain/messages/list-messages';
import { AttachmentView } from './attachment-view';
import { MessageText } from './message-text';

// pending: being sent; queued: kept in this browser until the connection is back (offline-queue.ts).
export type DisplayMessage = ChatMessage & { pending?: 'sending' | 'queued' | 'failed' };

// The five message types of the chat body: B1 incoming (left, white), B2 outgoing (right, blue),
// B3 automated or sent outside the platform (right, purple), B4 activity (centre, light blue),
// B5 private note (right, amber, marked). Who sent it and the exact time show under each bubble
// (and on hover), so phones need no long-press to read them.
// `isAdmin`: administrators also see why an email reply is still `sending` (only in the outbox).
// `menu`: the bubble's "⋯" menu (message-menu.tsx), beside its time, when the list offers one.
type Props = { message: DisplayMessage; locale: 'es' | 'en'; timeZone: string; isAdmin?: boolean; menu?: React.ReactNode };

export const MessageBubble = ({ message, locale, timeZone, isAdmin = false, menu }: Props) => {
  const t = useTranslations('chat');
  const format = useFormatter();
  const exact = format.dateTime(message.createdAt, { dateStyle: 'full', timeStyle: 'medium' });

  if (message.messageType === 'activity') {
    return (
      <p data-message-type="activity" className="mx-auto max-w-md rounded-full bg-sky-50 px-3 py-1 text-center text-xs text-sky-900" title={exact}>
        {renderActivity(message, locale, timeZone)}
      </p>
    );
  }

  const incoming = message.messageType === 'incoming';
  const automated = message.senderType === 'automation' || message.senderType === 'system' || message.sentOutsidePlatform;
  const type = incoming ? 'incoming' : message.private ? 'private' : automated ? 'automated' : 'outgoing';
  const style = {
    incoming: 'self-start border border-slate-200 bg-white text-slate-900',
    private: 'self-end border border-amber-300 bg-amber-50 text-amber-950',
    automated: 'self-end bg-violet-600 text-white',
    outgoing: 'self-end bg-brand-600 text-white',
  }[type];
  const sender = message.senderName ?? (automated ? t('automated') : t('system'));
  const email = message.contentAttributes.email as { subject?: string; autoReply?: boolean } | undefined;
  // An agent's reply to the customer says how far it got (sent, delivered, read).
  const delivery = type === 'outgoing' && !message.pending && (message.status === 'sent' || message.status === 'delivered' || message.status === 'read') ? message.status : null;
  return (
    <div data-message-type={type} className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm md:max-w-[70%] ${style} ${message.pending === 'sending' || message.pending === 'queued' ? 'opacity-70' : ''}`} title={`${sender} · ${exact}`}>
      {message.private && <p className="mb-1 text-xs font-semibold">{t('privateNote')}</p>}
      {email?.autoReply && <p className="mb-1 inline-block rounded bg-slate-100 px-1.5 text-xs font-medium text-slate-700">{t('autoReply')}</p>}
      {email?.subject && (
        <p className="mb-1 text-xs font-semibold" data-testid="message-subject">
          <span className="opacity-90">{t('subject')}:</span> {email.subject}
        </p>
      )}
      {message.contentAttributes.deleted === true ? (
        <p className="italic opacity-90">{t('deletedMessage')}</p>
      ) : (
        message.content && <MessageText text={message.content} />
      )}
      {message.attachments.map((attachment) => (
        <AttachmentView key={attachment.id} attachment={attachment} />
      ))}
      <div className="mt-1 flex items-center justify-end gap-1">
        <p className="mr-auto text-[11px] opacity-90">
          {!incoming && `${sender} · `}
          <time dateTime={message.createdAt.toISOString()}>{format.dateTime(message.createdAt, { timeStyle: 'short' })}</time>
          {message.sentOutsidePlatform && ` · ${t('sentOutside')}`}
          {message.pending === 'sending' && ` · ${t('sending')}`}
          {message.pending === 'queued' && ` · ${t('queued')}`}
          {message.status === 'failed' && ` · ${t('deliveryFailed')}`}
          {delivery && <span data-testid="delivery-status">{` · ${delivery === 'sent' ? '✓' : '✓✓'} ${t(`delivery.${delivery}`)}`}</span>}
          {isAdmin && message.status === 'sending' && message.contentAttributes.emailOutbox === true && ` · ${t('storedInOutbox')}`}
        </p>
        {menu}
      </div>
    </div>
  );
};

// Activity messages are re-rendered in the reader's language from their attributes when they can
// be; older or foreign ones fall back to the text stored with them.
const renderActivity = (message: ChatMessage, locale: 'es' | 'en', timeZone: string) => {
  const activity = message.contentAttributes.activity as Parameters<typeof activityText>[0] | undefined;
  if (!activity || !('actorName' in activity)) return message.content;
  try {
    return activityText(activity, { locale, timeZone });
  } catch {
    return message.content;
  }
};
