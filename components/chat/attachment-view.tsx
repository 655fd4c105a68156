import { useLocale, useTranslations } from 'next-intl';
import { formatFileSize } from '@/lib/format/file-size';
import type { ChatMessage } from '@/lib/domain/messages/list-messages';

type Attachment = ChatMessage['attachments'][number];

// An attachment inline in the chat: image with preview, audio and voice notes with a player, video,
// and any other file as a download link with its name and size. Files are served only to agents of
// the conversation's inbox (GET /api/attachments/:id checks).
export const AttachmentView = ({ attachment }: { attachment: Attachment }) => {
  const t = useTranslations('chat');
  const locale = useLocale();
  const url = `/api/attachments/${attachment.id}`;
  switch (attachment.kind) {
    case 'image':
      return (
        <a href={url} target="_blank" rel="noopener" className="mt-1 block">
          {/* eslint-disable-next-line @next/next/no-img-element -- private files, served by our own route */}
          <img src={url} alt={attachment.fileName} loading="lazy" className="max-h-64 max-w-full rounded-lg object-contain" />
        </a>
      );
    case 'audio':
      return (
        <figure className="mt-1">
          <audio controls preload="metadata" src={url} className="max-w-full" aria-label={attachment.isVoiceNote ? t('voiceNote') : attachment.fileName} />
          <figcaption className="text-xs opacity-80">
            {attachment.isVoiceNote ? t('voiceNote') : attachment.fileName}
            {attachment.duration ? ` · ${formatDuration(attachment.duration)}` : ''}
          </figcaption>
        </figure>
      );
    case 'video':
      return <video controls preload="metadata" src={url} className="mt-1 max-h-64 max-w-full rounded-lg" aria-label={attachment.fileName} />;
    default:
      return (
        <a href={url} className="mt-1 flex items-center gap-2 rounded-lg bg-black/5 px-2 py-1 text-xs underline-offset-2 hover:underline" download={attachment.fileName}>
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.5"><path d="M5 2h7l3 3v13H5z M12 2v3h3" /></svg>
          <span className="min-w-0 truncate">{attachment.fileName}</span>
          <span className="shrink-0 opacity-90">{formatFileSize(attachment.size, locale)}</span>
        </a>
      );
  }
};

export const formatDuration = (seconds: number) => {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};
