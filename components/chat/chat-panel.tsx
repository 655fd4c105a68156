import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { ChannelIcon } from '@/components/ui/channel-icon';
import type { Ctx } from '@/lib/domain/context';
import type { ConversationWithBasics } from '@/lib/domain/conversations/get-conversation';
import { listMessages } from '@/lib/domain/messages/list-messages';
import { MessageBubble } from './message-bubble';

// The chat panel (blue): header and the latest messages of the open conversation. On a phone it
// replaces the list, with a link back to it.
type Props = { ctx: Ctx; conversation: ConversationWithBasics; backHref: string };

export const ChatPanel = async ({ ctx, conversation, backHref }: Props) => {
  const [t, locale, { messages }] = await Promise.all([
    getTranslations('chat'),
    getLocale(),
    listMessages(ctx, { conversationId: conversation.id }),
  ]);
  const contactName = conversation.contact.name || conversation.contact.phone || conversation.contact.email || '';
  return (
    <>
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-3">
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
            <span>{t(`status.${conversation.status}`)}</span>
          </p>
        </div>
      </header>
      <ol aria-label={t('messages')} className="flex flex-1 flex-col gap-2 overflow-y-auto p-4">
        {messages.map((message) => (
          <li key={message.id} className="flex flex-col">
            <MessageBubble message={message} locale={locale === 'en' ? 'en' : 'es'} />
          </li>
        ))}
      </ol>
    </>
  );
};
