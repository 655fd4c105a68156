import { and, asc, eq } from 'drizzle-orm';
import { customAttributeDefinitions, type CustomAttributeDefinition } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';

// The account's custom attribute definitions (A1/A2, L4), optionally of one model, by name.
export const listAttributeDefinitions = async (
  ctx: Ctx,
  options: { model?: 'conversation' | 'contact' } = {},
): Promise<CustomAttributeDefinition[]> =>
  ctx.db
    .select()
    .from(customAttributeDefinitions)
    .where(
      and(
        accountScope(ctx.actor, customAttributeDefinitions.accountId),
        options.model ? eq(customAttributeDefinitions.model, options.model) : undefined,
      ),
    )
    .orderBy(asc(customAttributeDefinitions.model), asc(customAttributeDefinitions.displayName));
