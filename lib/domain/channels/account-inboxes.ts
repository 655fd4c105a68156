import { and, asc, eq } from 'drizzle-orm';
import { inboxes } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';

// Settings (administrators): the account's inboxes of one channel, with what their endpoints need.
export const accountInboxesOfType = async (ctx: Ctx, channelType: 'api' | 'email') => {
  requireAdministrator(ctx.actor);
  return ctx.db
    .select({ id: inboxes.id, name: inboxes.name, identifier: inboxes.identifier, channelSettings: inboxes.channelSettings })
    .from(inboxes)
    .where(and(eq(inboxes.accountId, ctx.actor.accountId), eq(inboxes.channelType, channelType)))
    .orderBy(asc(inboxes.id));
};
