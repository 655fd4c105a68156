import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accountUsers, inboxes, inboxMembers, users } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { inTransaction } from '../transactions/in-transaction';
import { isUniqueViolation } from '../transactions/is-unique-violation';
import { ZAgentEmail, ZAgentName, ZAgentRole } from './agent-schemas';
import { ZId } from '../conversations/actions/schemas';
import { issueInvitation } from './issue-invitation';

export const ZInviteAgentInput = z.object({
  name: ZAgentName,
  email: ZAgentEmail,
  role: ZAgentRole.default('agent'),
  inboxIds: z.array(ZId).max(500).default([]),
});
export type TInviteAgentInput = z.input<typeof ZInviteAgentInput>;

// Settings: an administrator invites a person by email. They become a user without a password,
// an active member of the account with the role given and of the inboxes chosen, and get a mail
// with a single-use set-password link (7 days). An email already in use is CONFLICT `email`
// (one person, one user); an inbox of another account is NOT_FOUND.
export const inviteAgent = async (ctx: Ctx, input: TInviteAgentInput): Promise<{ userId: number }> => {
  requireAdministrator(ctx.actor);
  const parsed = ZInviteAgentInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  const { name, email, role } = parsed.data;
  const inboxIds = [...new Set(parsed.data.inboxIds)];

  try {
    return await inTransaction(ctx, async (tx) => {
      if (inboxIds.length) {
        const found = await tx.db
          .select({ id: inboxes.id })
          .from(inboxes)
          .where(and(inArray(inboxes.id, inboxIds), eq(inboxes.accountId, ctx.actor.accountId)));
        if (found.length !== inboxIds.length) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
      }
      const [taken] = await tx.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
      if (taken) throw new DomainError('CONFLICT', { field: 'email' });

      const at = ctx.now();
      const [user] = await tx.db.insert(users).values({ name, email, createdAt: at, updatedAt: at }).returning({ id: users.id });
      await tx.db.insert(accountUsers).values({ accountId: ctx.actor.accountId, userId: user.id, role, active: true, createdAt: at });
      if (inboxIds.length) await tx.db.insert(inboxMembers).values(inboxIds.map((inboxId) => ({ inboxId, userId: user.id, createdAt: at })));
      await issueInvitation(tx, { userId: user.id });
      return { userId: user.id };
    });
  } catch (error) {
    // Two administrators inviting one address at once: the unique index decides.
    if (isUniqueViolation(error, 'users_email_lower_key')) throw new DomainError('CONFLICT', { field: 'email' });
    throw error;
  }
};
