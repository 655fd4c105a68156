import { useFormatter, useTranslations } from 'next-intl';
import { activityText } from '@/lib/domain/activity/activity-text';
import type { ChatMessage } from '@/lib/domain/messages/list-messages';

// The five message types of the chat body: B1 incoming (left, white), B2 outgoing (right, blue),
// B3 automated or sent outside the platform (right, purple), B4 activity (centre, light blue),
// B5 private note (right, amber). Text is rendered as text: no HTML from a message is executed.
export const MessageBubble = ({ message, locale }: { message: ChatMessage; locale: 'es' | 'en' }) => {
  const t = useTranslations('chat');
  const format = useFormatter();
  const time = format.dateTime(message.createdAt, { dateStyle: 'medium', timeStyle: 'short' });

  if (message.messageType === 'activity') {
    return (
      <p className="mx-auto max-w-md rounded-full bg-sky-50 px-3 py-1 text-center text-xs text-sky-900" title={time}>
        {renderActivity(message, locale)}
      </p>
    );
  }

  const incoming = message.messageType === 'incoming';
  const automated = message.senderType === 'automation' || message.senderType === 'system' || message.sentOutsidePlatform;
  const style = incoming
    ? 'self-start border border-slate-200 bg-white text-slate-900'
    : message.private
      ? 'self-end border border-amber-300 bg-amber-50 text-amber-950'
      : automated
        ? 'self-end bg-violet-600 text-white'
        : 'self-end bg-brand-500 text-white';
  return (
    <div className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm md:max-w-[70%] ${style}`} title={`${message.senderName ?? t('system')} · ${time}`}>
      {message.private && <p className="mb-1 text-xs font-semibold">{t('privateNote')}</p>}
      {message.content && <p className="break-words whitespace-pre-wrap">{message.content}</p>}
      {message.attachments.map((file) => (
        <p key={file.id} className="mt-1 text-xs opacity-90">
          {t(`attachment.${file.kind}`)} · {file.fileName}
        </p>
      ))}
      <p className="mt-1 text-[11px] opacity-75">
        {!incoming && message.senderName ? `${message.senderName} · ` : ''}
        {format.dateTime(message.createdAt, { timeStyle: 'short' })}
      </p>
    </div>
  );
};

// Activity messages are re-rendered in the reader's language from their attributes when they can
// be; older or foreign ones fall back to the text stored with them.
const renderActivity = (message: ChatMessage, locale: 'es' | 'en') => {
  const activity = message.contentAttributes.activity as Parameters<typeof activityText>[0] | undefined;
  if (!activity || !('actorName' in activity)) return message.content;
  try {
    return activityText(activity, { locale, timeZone: 'America/Mexico_City' });
  } catch {
    return message.content;
  }
};
