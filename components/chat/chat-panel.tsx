import { getLocale } from 'next-intl/server';
import type { SidebarState } from '@/components/contact-sidebar/contact-panel';
import { ContactSidebar } from '@/components/contact-sidebar/contact-sidebar';
import { ConversationKeyboard } from '@/components/keyboard/lazy-dialogs';
import { TriageProvider } from '@/components/keyboard/triage-provider';
import { ConversationPresence } from '@/components/realtime/conversation-presence';
import type { Ctx } from '@/lib/domain/context';
import type { ConversationWithBasics } from '@/lib/domain/conversations/get-conversation';
import { loadConversationLabels } from '@/lib/domain/conversations/actions/load-conversation-labels';
import { listInboxAgents } from '@/lib/domain/inboxes/list-inbox-agents';
import { listLabels } from '@/lib/domain/labels/list-labels';
import { listMessages } from '@/lib/domain/messages/list-messages';
import { markConversationRead } from '@/lib/domain/messages/mark-read';
import { getMute } from '@/lib/domain/mutes/mute-conversation';
import { readProfile } from '@/lib/request-reads';
import { ChatHeader } from './chat-header';
import { ChatLive } from './chat-live';
import { ChatStateProvider } from './chat-state';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { TypingIndicator } from './typing-indicator';

type Props = { ctx: Ctx; conversation: ConversationWithBasics; backHref: string; sidebar?: SidebarState | null };

// The chat panel (blue): header (C1-C4), the messages (B1-B5) and the composer (W1-W5). Opening a
// conversation marks it read for me. Live: every realtime event re-renders it (RealtimeProvider);
// presence shows who else views it and who types. On a phone it replaces the list, with a link back.
// `sidebar` (?details=1) adds the "Más detalles" sidebar beside the messages, with its contact dialog.
export const ChatPanel = async ({ ctx, conversation, backHref, sidebar = null }: Props) => {
  const [locale, { messages, hasOlder }, agents, mute, me, , labels, labelsOfConversation] = await Promise.all([
    getLocale(),
    listMessages(ctx, { conversationId: conversation.id }),
    listInboxAgents(ctx, { inboxId: conversation.inboxId }),
    getMute(ctx, { conversationId: conversation.id }),
    readProfile(ctx),
    markConversationRead(ctx, { conversationId: conversation.id }),
    listLabels(ctx),
    loadConversationLabels(ctx.db, conversation.id),
  ]);
  const { timeZone } = me;
  const others = agents.filter((agent) => agent.id !== me.id);
  // An email conversation is about its first message's subject.
  const subject = conversation.inbox.channelType === 'email' ? (messages.map((message) => (message.contentAttributes.email as { subject?: string } | undefined)?.subject).find(Boolean) ?? null) : null;
  return (
    <ChatStateProvider key={conversation.id}>
      <TriageProvider conversationId={conversation.id} openNext={me.preferences.openNextAfterResolve ?? false}>
      <ConversationKeyboard
        conversationId={conversation.id}
        status={conversation.status}
        backHref={backHref}
        meId={me.id}
        assigneeId={conversation.assigneeId}
        agents={agents.map(({ id, name }) => ({ id, name }))}
        labels={labels.map(({ id, title }) => ({ id, title }))}
        labelIds={labelsOfConversation.map((label) => label.id)}
      />
      <ConversationPresence conversationId={conversation.id} me={{ id: me.id, name: me.name }} agents={others.map(({ id, name }) => ({ id, name }))}>
        <ChatLive contactId={conversation.contact.id} backHref={backHref} />
        <ChatHeader conversation={conversation} backHref={backHref} mutedUntil={mute?.mutedUntil ?? null} timeZone={timeZone} hasAssignee={conversation.assigneeId !== null} showDetails={sidebar !== null} subject={subject} />
        <div className="flex min-h-0 flex-1">
          <div className="flex min-w-0 flex-1 flex-col">
            <MessageList conversationId={conversation.id} initial={messages} hasOlder={hasOlder} locale={locale === 'en' ? 'en' : 'es'} timeZone={timeZone} isAdmin={ctx.actor.role === 'administrator'} userId={ctx.actor.userId} />
            <TypingIndicator />
            <Composer conversationId={conversation.id} agents={others} me={{ id: me.id, name: me.name }} enterToSend={me.preferences.enterToSend ?? true} />
          </div>
          {sidebar && <ContactSidebar ctx={ctx} conversation={conversation} state={sidebar} />}
        </div>
      </ConversationPresence>
      </TriageProvider>
    </ChatStateProvider>
  );
};
