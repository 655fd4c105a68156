import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accountUsers, conversationParticipants, inboxMembers, users, type Conversation } from '@/db/schema';
import { DomainError } from '../../../errors';
import { notifyAssignment } from '../../../notifications/notify-assignment';
import type { ConversationChange } from '../apply-conversation-change';

// Who may be assigned: an active member of the account who is a member of every conversation's
// inbox, or an administrator (administrators work in every inbox, as Chatwoot's assignable agents).
const loadAssignee = async (tx: Tx, assigneeId: number, rows: Conversation[]): Promise<{ name: string }> => {
  const [member] = await tx
    .select({ name: users.name, role: accountUsers.role })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .where(and(eq(accountUsers.accountId, rows[0].accountId), eq(accountUsers.userId, assigneeId), eq(accountUsers.active, true)));
  if (!member) throw new DomainError('INVALID_INPUT', { field: 'assigneeId' });
  if (member.role === 'administrator') return member;

  const inboxIds = [...new Set(rows.map((row) => row.inboxId))];
  const memberships = await tx
    .select({ inboxId: inboxMembers.inboxId })
    .from(inboxMembers)
    .where(and(eq(inboxMembers.userId, assigneeId), inArray(inboxMembers.inboxId, inboxIds)));
  if (memberships.length !== inboxIds.length) throw new DomainError('INVALID_INPUT', { field: 'assigneeId' });
  return member;
};

// X1: assign an agent (null: unassign). The assignee also becomes a participant (P1), so the
// conversation stays in their "participating" notifications after it is reassigned, and is
// notified of the assignment unless they assigned themselves.
export const assigneeChange = (assigneeId: number | null): ConversationChange => ({
  set: { assigneeId },
  prepare: async (tx, rows) => {
    const assignee = assigneeId === null ? null : await loadAssignee(tx, assigneeId, rows);
    return (row) =>
      row.assigneeId === assigneeId
        ? null
        : {
            activity: { action: 'assignee_changed', assigneeId, assigneeName: assignee?.name ?? null, previousAssigneeId: row.assigneeId },
            changed: { assigneeId, previousAssigneeId: row.assigneeId },
            event: 'assignee.changed',
          };
  },
  afterWrite: async (tx, changed, { actorId, at }) => {
    if (assigneeId === null) return;
    await tx
      .insert(conversationParticipants)
      .values(changed.map((conversation) => ({ conversationId: conversation.id, userId: assigneeId })))
      .onConflictDoNothing();
    return notifyAssignment(tx, { conversations: changed, assigneeId, actorId, now: at });
  },
});
