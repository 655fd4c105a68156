import { asc, sql } from 'drizzle-orm';
import { inboxes } from '@/db/schema';
import { inboxScope } from '../authorization/scope';
import type { Ctx } from '../context';

export type InboxSummary = { id: number; name: string; channelType: 'website' | 'api' | 'email' };

// The inboxes the actor may see (sidebar, filters): all of the account for administrators, their
// own for agents. Sorted by lower(name) because PGlite's C collation and a server's en_US collation
// would otherwise order mixed-case names differently; then by id so equal names keep their order.
export const listInboxes = async (ctx: Ctx): Promise<InboxSummary[]> =>
  ctx.db
    .select({ id: inboxes.id, name: inboxes.name, channelType: inboxes.channelType })
    .from(inboxes)
    .where(inboxScope(ctx.actor, { accountId: inboxes.accountId, inboxId: inboxes.id }))
    .orderBy(asc(sql`lower(${inboxes.name})`), asc(inboxes.id));
