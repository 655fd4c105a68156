import { and, eq, isNull } from 'drizzle-orm';
import { accounts, users, userTokens } from '@/db/schema';
import type { Ctx } from '../context';
import { INVITATION_LIFETIME_MS, INVITATION_PURPOSE } from './agent-schemas';
import { invitationMail } from './invitation-mail';
import { appUrl, newUserToken } from './user-token';

// Replaces the user's unused invitation links by a new one and mails it. Call it inside
// inTransaction: the mail leaves only once the token is committed.
export const issueInvitation = async (ctx: Ctx, { userId }: { userId: number }): Promise<void> => {
  const at = ctx.now();
  // An older link stops working: only the newest mail opens the account.
  await ctx.db
    .update(userTokens)
    .set({ usedAt: at })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, INVITATION_PURPOSE), isNull(userTokens.usedAt)));
  const { token, tokenHash } = newUserToken();
  await ctx.db.insert(userTokens).values({ userId, purpose: INVITATION_PURPOSE, tokenHash, expiresAt: new Date(at.getTime() + INVITATION_LIFETIME_MS), createdAt: at });

  const [[invitee], [account], [inviter]] = await Promise.all([
    ctx.db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)),
    ctx.db.select({ name: accounts.name, locale: accounts.locale }).from(accounts).where(eq(accounts.id, ctx.actor.accountId)),
    ctx.db.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId)),
  ]);
  await ctx.mailer.send(
    ctx,
    invitationMail({
      accountId: ctx.actor.accountId,
      accountName: account.name,
      inviterName: inviter?.name ?? account.name,
      to: invitee.email,
      name: invitee.name,
      locale: account.locale,
      link: `${appUrl()}/set-password?token=${encodeURIComponent(token)}`,
    }),
  );
};
