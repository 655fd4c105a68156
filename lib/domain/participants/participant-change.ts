import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accountUsers, conversationParticipants, inboxMembers, users, type Conversation } from '@/db/schema';
import { DomainError } from '../errors';
import type { ConversationChange } from '../conversations/actions/apply-conversation-change';

// Who may take part: an active member of the account who may see the conversation's inbox (one of
// its members, or an administrator, who sees every inbox); INVALID_INPUT `userId` otherwise.
const loadEligible = async (tx: Tx, userId: number, conversation: Conversation): Promise<{ name: string }> => {
  const [member] = await tx
    .select({ name: users.name, role: accountUsers.role, inboxId: inboxMembers.inboxId })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .leftJoin(inboxMembers, and(eq(inboxMembers.userId, accountUsers.userId), eq(inboxMembers.inboxId, conversation.inboxId)))
    .where(and(eq(accountUsers.accountId, conversation.accountId), eq(accountUsers.userId, userId), eq(accountUsers.active, true)));
  if (!member || (member.role !== 'administrator' && member.inboxId === null)) throw new DomainError('INVALID_INPUT', { field: 'userId' });
  return member;
};

// P1 as a conversation change (applyConversationChange locks the conversation, writes the activity
// in the same transaction and publishes after commit). Adding someone already taking part, or
// removing someone who is not, changes nothing and writes nothing. The assignee cannot be removed:
// they take part for as long as they are assigned (INVALID_INPUT `userId`, reason `assignee`).
export const participantChange = ({ userId, mode }: { userId: number; mode: 'add' | 'remove' }): ConversationChange => ({
  set: {},
  prepare: async (tx, rows) => {
    const [conversation] = rows;
    const present = await tx
      .select({ userId: conversationParticipants.userId })
      .from(conversationParticipants)
      .where(and(eq(conversationParticipants.conversationId, conversation.id), eq(conversationParticipants.userId, userId)));
    const isParticipant = present.length > 0;

    if (mode === 'add') {
      const { name } = await loadEligible(tx, userId, conversation);
      return () =>
        isParticipant ? null : { activity: { action: 'participant_added', userId, userName: name }, changed: { participantAdded: userId } };
    }

    if (!isParticipant) return () => null;
    if (conversation.assigneeId === userId) throw new DomainError('INVALID_INPUT', { field: 'userId', reason: 'assignee' });
    // Someone who has since left the account or the inbox may still be removed: that is cleaning up.
    const [person] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    return () => ({ activity: { action: 'participant_removed', userId, userName: person?.name ?? '' }, changed: { participantRemoved: userId } });
  },
  afterWrite: async (tx, changed) => {
    const conversationIds = changed.map((conversation) => conversation.id);
    if (mode === 'add') {
      await tx
        .insert(conversationParticipants)
        .values(conversationIds.map((conversationId) => ({ conversationId, userId })))
        .onConflictDoNothing();
      return;
    }
    await tx
      .delete(conversationParticipants)
      .where(and(inArray(conversationParticipants.conversationId, conversationIds), eq(conversationParticipants.userId, userId)));
  },
});
