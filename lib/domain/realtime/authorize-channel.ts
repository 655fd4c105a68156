import { and, eq } from 'drizzle-orm';
import { conversations, users } from '@/db/schema';
import { canAccessInbox, conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';

// What a presence subscription announces about the agent to the others viewing the conversation.
export type PresenceMemberData = { user_id: string; user_info: { name: string; avatarUrl: string | null } };

export type ChannelAuthorization = { presence: PresenceMemberData | null };

const CHANNELS = {
  inbox: /^private-account-(\d{1,10})-inbox-(\d{1,10})$/,
  account: /^private-account-(\d{1,10})$/,
  user: /^private-user-(\d{1,10})$/,
  conversation: /^presence-conversation-(\d{1,10})$/,
};

// Ids from a channel name; anything beyond PostgreSQL's integer names nothing.
const id = (digits: string): number => {
  const value = Number(digits);
  return value > 0 && value <= 2_147_483_647 ? value : Number.NaN;
};

// Whether the actor may subscribe to a realtime channel (DESIGN.md "Realtime"), the check behind the
// channel auth endpoint: the account's inbox channels for agents of that inbox (administrators: every
// inbox of their account), the account channel for its members, a user channel for that user only,
// a conversation's presence channel for whoever may see the conversation. Any other channel, or one
// the actor may not have, is FORBIDDEN, the same answer whether or not it exists.
export const authorizeChannel = async (ctx: Pick<Ctx, 'db' | 'actor'>, { channel }: { channel: string }): Promise<ChannelAuthorization> => {
  const { actor } = ctx;
  const refuse = () => new DomainError('FORBIDDEN');

  const inbox = CHANNELS.inbox.exec(channel);
  if (inbox) {
    if (id(inbox[1]) !== actor.accountId || !canAccessInbox(actor, id(inbox[2]))) throw refuse();
    return { presence: null };
  }
  const account = CHANNELS.account.exec(channel);
  if (account) {
    if (id(account[1]) !== actor.accountId) throw refuse();
    return { presence: null };
  }
  const user = CHANNELS.user.exec(channel);
  if (user) {
    if (id(user[1]) !== actor.userId) throw refuse();
    return { presence: null };
  }
  const conversation = CHANNELS.conversation.exec(channel);
  if (conversation && !Number.isNaN(id(conversation[1]))) {
    // One query: the agent's name and picture, found only when the conversation is visible to them.
    const [member] = await ctx.db
      .select({ name: users.name, avatarUrl: users.avatarUrl })
      .from(conversations)
      .innerJoin(users, eq(users.id, actor.userId))
      .where(and(eq(conversations.id, id(conversation[1])), conversationScope(actor)))
      .limit(1);
    if (!member) throw refuse();
    return { presence: { user_id: String(actor.userId), user_info: member } };
  }
  throw refuse();
};
