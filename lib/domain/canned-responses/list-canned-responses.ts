import { asc } from 'drizzle-orm';
import { cannedResponses } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';
import type { CannedResponse } from './canned-response-schemas';

// The account's canned responses by short code: the settings page (administrators edit them;
// agents may read them, as they insert them anyway).
export const listCannedResponses = async (ctx: Ctx): Promise<CannedResponse[]> =>
  ctx.db
    .select({ id: cannedResponses.id, shortCode: cannedResponses.shortCode, content: cannedResponses.content })
    .from(cannedResponses)
    .where(accountScope(ctx.actor, cannedResponses.accountId))
    .orderBy(asc(cannedResponses.shortCode), asc(cannedResponses.id));
