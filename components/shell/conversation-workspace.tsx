import { getTranslations } from 'next-intl/server';
import { NotificationBell } from '@/components/notifications/notification-bell';
import type { Ctx } from '@/lib/domain/context';
import { ListSection } from './list-section';

type Props = {
  ctx: Ctx;
  title: string;
  // The chat panel (a ChatSection), rendered by the view's page.
  chat: React.ReactNode;
  children?: React.ReactNode;
};

// The list (green) and chat (blue) panels of a view. Desktop: side by side. Phone: one at a time,
// the list unless a conversation is open; the views drawer opens from the list header.
export const ListWorkspace = async ({ ctx, title, chat, children }: Props) => {
  const t = await getTranslations('shell');
  return (
    <>
      <ListSection label={t('conversationList')}>
        <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
          <a href="#views" className="rounded p-1 text-slate-600 md:hidden" aria-label={t('openMenu')}>
            ☰
          </a>
          <h1 className="min-w-0 flex-1 truncate text-base font-semibold">{title}</h1>
          {/* On a phone the views panel (and its bell) is a closed drawer: the bell is here too. */}
          <div className="md:hidden">
            <NotificationBell ctx={ctx} placement="header" />
          </div>
        </header>
        <div className="flex-1 overflow-y-auto">
          {children ?? <p className="p-6 text-center text-sm text-slate-500">{t('emptyList')}</p>}
        </div>
      </ListSection>
      {chat}
    </>
  );
};

// The chat panel: the open conversation, or a hint to pick one.
export const ChatSection = async ({ children }: { children?: React.ReactNode }) => {
  const t = await getTranslations('shell');
  return (
    <section
      aria-label={t('chatPanel')}
      // The keyboard puts the focus here when a phone shows the chat instead of the list.
      tabIndex={-1}
      data-chat-panel
      className={`${children ? 'flex' : 'hidden md:flex'} min-w-0 flex-1 flex-col bg-slate-50`}
    >
      {children ?? (
        <div className="m-auto max-w-xs p-6 text-center">
          <p className="font-medium">{t('noConversationSelected')}</p>
          <p className="mt-1 text-sm text-slate-500">{t('noConversationSelectedHint')}</p>
        </div>
      )}
    </section>
  );
};
