import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { conversationParticipants, conversations, users } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { parseActionInput } from '../conversations/actions/parse-action-input';
import { ZId } from '../conversations/actions/schemas';

export const ZListParticipantsInput = z.object({ conversationId: ZId });
export type TListParticipantsInput = z.input<typeof ZListParticipantsInput>;

export type Participant = {
  userId: number;
  name: string;
  avatarUrl: string | null;
  // The conversation's assigned agent: a participant for as long as they are assigned.
  isAssignee: boolean;
  // When they joined; null for an assignee with no participant row (data written before P1).
  addedAt: Date | null;
};

// P1: the agents taking part in a conversation, by name, the assignee flagged. The assignee is
// always listed, even when an older assignment wrote no participant row.
export const listParticipants = async (ctx: Ctx, input: TListParticipantsInput): Promise<Participant[]> => {
  const { conversationId } = parseActionInput(ZListParticipantsInput, input);
  const [conversation] = await ctx.db
    .select({ id: conversations.id, assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), conversationScope(ctx.actor)));
  if (!conversation) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

  const rows = await ctx.db
    .select({ userId: conversationParticipants.userId, addedAt: conversationParticipants.createdAt })
    .from(conversationParticipants)
    .where(eq(conversationParticipants.conversationId, conversation.id));
  const addedAtOf = new Map(rows.map((row) => [row.userId, row.addedAt]));
  const ids = [...new Set([...addedAtOf.keys(), ...(conversation.assigneeId === null ? [] : [conversation.assigneeId])])];
  if (ids.length === 0) return [];

  const people = await ctx.db
    .select({ id: users.id, name: users.name, avatarUrl: users.avatarUrl })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.name), asc(users.id));
  return people.map((person) => ({
    userId: person.id,
    name: person.name,
    avatarUrl: person.avatarUrl,
    isAssignee: person.id === conversation.assigneeId,
    addedAt: addedAtOf.get(person.id) ?? null,
  }));
};
