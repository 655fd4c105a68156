import { and, asc, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cannedResponses } from '@/db/schema';
import { searchable } from '@/db/schema/sql-functions';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { containsPattern } from '../conversations/filters/contains-pattern';
import { DomainError } from '../errors';
import type { CannedResponse } from './canned-response-schemas';

export const ZSearchCannedResponsesInput = z.object({
  // What follows "/" in the composer; a leading "/" is ignored.
  q: z
    .string()
    .max(200)
    .transform((q) => q.trim().replace(/^\//, '').trim()),
});
export type TSearchCannedResponsesInput = z.input<typeof ZSearchCannedResponsesInput>;

// The composer's suggestions show this many.
export const CANNED_SUGGESTIONS = 10;

// W2 "/" shortcuts, for every agent of the account: short codes starting with the query first
// (case-insensitive), then responses whose content contains it (accent- and case-insensitive),
// each group by short code; an empty query lists the first ones by short code. The query only
// reaches SQL as a parameter, with LIKE's wildcards ('_' is common in short codes) escaped.
export const searchCannedResponses = async (ctx: Ctx, input: TSearchCannedResponsesInput): Promise<CannedResponse[]> => {
  const parsed = ZSearchCannedResponsesInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: 'q' });
  const { q } = parsed.data;

  const prefix = sql`replace(replace(replace(lower(${q}::text), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
  const codeMatches = sql`lower(${cannedResponses.shortCode}) like ${prefix} escape '\\'`;
  const contentMatches = sql`${searchable(cannedResponses.content)} like ${containsPattern(searchable(sql`${q}::text`))} escape '\\'`;

  return ctx.db
    .select({ id: cannedResponses.id, shortCode: cannedResponses.shortCode, content: cannedResponses.content })
    .from(cannedResponses)
    .where(and(accountScope(ctx.actor, cannedResponses.accountId), q ? or(codeMatches, contentMatches) : undefined))
    .orderBy(...(q ? [sql`case when ${codeMatches} then 0 else 1 end`] : []), asc(cannedResponses.shortCode), asc(cannedResponses.id))
    .limit(CANNED_SUGGESTIONS);
};
