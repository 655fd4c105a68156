import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { customAttributeDefinitions } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';

export const ZDeleteAttributeDefinitionInput = z.object({ definitionId: ZId });
export type TDeleteAttributeDefinitionInput = z.input<typeof ZDeleteAttributeDefinitionInput>;

// A1/A2 settings: an administrator deletes an attribute definition. The values stored under its key
// in conversations and contacts are NOT deleted: the sidebar and filters show only defined
// attributes, so they disappear from view, and defining the same key again brings them back (an
// attribute deleted by mistake loses nothing). Rewriting every row's jsonb would also be a long
// write on a big account for no one's benefit.
export const deleteAttributeDefinition = async (ctx: Ctx, input: TDeleteAttributeDefinitionInput): Promise<{ id: number }> => {
  requireAdministrator(ctx.actor);
  const parsed = ZDeleteAttributeDefinitionInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'attribute_definition' });

  const [deleted] = await ctx.db
    .delete(customAttributeDefinitions)
    .where(and(eq(customAttributeDefinitions.id, parsed.data.definitionId), accountScope(ctx.actor, customAttributeDefinitions.accountId)))
    .returning({ id: customAttributeDefinitions.id });
  if (!deleted) throw new DomainError('NOT_FOUND', { entity: 'attribute_definition' });
  return deleted;
};
