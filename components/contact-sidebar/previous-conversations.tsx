import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { PreviousConversation } from '@/lib/domain/conversations/list-previous-conversations';
import { SidebarSection } from './sidebar-section';

// H1: the contact's other conversations, each a link to it with its number, inbox, status and
// last message.
export const PreviousConversations = async ({ conversations }: { conversations: PreviousConversation[] }) => {
  const [t, tStatus] = await Promise.all([getTranslations('sidebar.previous'), getTranslations('chat.status')]);
  return (
    <SidebarSection title={t('title')} name="previous">
      {conversations.length === 0 ? (
        <p className="text-xs text-slate-500">{t('empty')}</p>
      ) : (
        <ul aria-label={t('title')} className="space-y-1">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <Link href={`/all/${conversation.id}`} className="block rounded-md px-2 py-1.5 text-sm hover:bg-slate-100">
                <span className="flex items-center gap-2">
                  <span className="font-medium">#{conversation.displayId}</span>
                  <span className="min-w-0 flex-1 truncate text-xs text-slate-500">{conversation.inbox.name}</span>
                  <span className="text-xs text-slate-600">{tStatus(conversation.status)}</span>
                </span>
                <span className="block truncate text-xs text-slate-500">{conversation.lastMessage?.excerpt ?? t('noMessages')}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </SidebarSection>
  );
};
