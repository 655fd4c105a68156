import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contacts, conversations, inboxes, type Conversation } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZDbId } from '../request-values';

export const ZGetConversationInput = z.object({ conversationId: ZDbId });
export type TGetConversationInput = z.input<typeof ZGetConversationInput>;

export type ConversationWithBasics = Conversation & {
  inbox: { id: number; name: string; channelType: 'website' | 'api' | 'email' };
  contact: { id: number; name: string; email: string | null; phone: string | null; avatarUrl: string | null };
};

// One conversation as the chat panel opens it. A conversation of another account, or of an inbox
// the agent is not in, is NOT_FOUND like one that does not exist: its existence never leaks.
export const getConversation = async (ctx: Ctx, input: TGetConversationInput): Promise<ConversationWithBasics> => {
  const parsed = ZGetConversationInput.safeParse(input);
  // A malformed id (from a URL) cannot name any conversation.
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

  const [row] = await ctx.db
    .select({
      conversation: conversations,
      inbox: { id: inboxes.id, name: inboxes.name, channelType: inboxes.channelType },
      contact: { id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone, avatarUrl: contacts.avatarUrl },
    })
    .from(conversations)
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.id, parsed.data.conversationId), conversationScope(ctx.actor)))
    .limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

  return { ...row.conversation, inbox: row.inbox, contact: row.contact };
};
