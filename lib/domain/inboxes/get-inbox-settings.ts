import { asc, eq, sql } from 'drizzle-orm';
import { inboxMembers, users, type Inbox } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { ZId } from '../conversations/actions/schemas';
import { DomainError } from '../errors';
import { loadAccountInbox } from './load-account-inbox';

export type InboxSettings = Inbox & { members: Array<{ id: number; name: string }> };

// Settings: one inbox of the account with its settings and members (administrators only).
export const getInboxSettings = async (ctx: Ctx, input: { inboxId: number | string }): Promise<InboxSettings> => {
  requireAdministrator(ctx.actor);
  const inboxId = ZId.safeParse(input.inboxId);
  if (!inboxId.success) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  const inbox = await loadAccountInbox(ctx.db, ctx.actor, inboxId.data);
  const members = await ctx.db
    .select({ id: users.id, name: users.name })
    .from(inboxMembers)
    .innerJoin(users, eq(users.id, inboxMembers.userId))
    .where(eq(inboxMembers.inboxId, inbox.id))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
  return { ...inbox, members };
};
