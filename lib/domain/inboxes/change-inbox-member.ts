import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inboxMembers } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { ZId } from '../conversations/actions/schemas';
import { DomainError } from '../errors';
import { assertAccountMember } from '../agents/assert-account-member';
import { loadAccountInbox } from './load-account-inbox';

export const ZInboxMemberInput = z.object({ inboxId: ZId, userId: ZId });
export type TInboxMemberInput = z.input<typeof ZInboxMemberInput>;

const parse = (ctx: Ctx, input: TInboxMemberInput) => {
  requireAdministrator(ctx.actor);
  const parsed = ZInboxMemberInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: String(parsed.error.issues[0]?.path[0] ?? '') === 'inboxId' ? 'inbox' : 'user' });
  return parsed.data;
};

// Settings: an administrator lets a member of the account work in an inbox (they see its
// conversations from their next request). Adding someone twice changes nothing.
export const addInboxMember = async (ctx: Ctx, input: TInboxMemberInput): Promise<void> => {
  const { inboxId, userId } = parse(ctx, input);
  await loadAccountInbox(ctx.db, ctx.actor, inboxId);
  await assertAccountMember(ctx.db, { accountId: ctx.actor.accountId, userId });
  await ctx.db.insert(inboxMembers).values({ inboxId, userId, createdAt: ctx.now() }).onConflictDoNothing();
};

// Settings: an administrator takes an agent out of an inbox: from their next request they no
// longer see its conversations (existing assignments stay, as in Chatwoot), and their open
// realtime connections are ended, so that they re-authorise without the inbox's channel.
export const removeInboxMember = async (ctx: Ctx, input: TInboxMemberInput): Promise<void> => {
  const { inboxId, userId } = parse(ctx, input);
  await loadAccountInbox(ctx.db, ctx.actor, inboxId);
  const removed = await ctx.db
    .delete(inboxMembers)
    .where(and(eq(inboxMembers.inboxId, inboxId), eq(inboxMembers.userId, userId)))
    .returning({ userId: inboxMembers.userId });
  if (removed.length > 0) await ctx.realtime.endUserConnections(userId);
};
