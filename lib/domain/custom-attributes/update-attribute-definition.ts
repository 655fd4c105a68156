import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { customAttributeDefinitions, type CustomAttributeDefinition } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';
import { attributeRules } from './attribute-rules';
import { ZAttributeDescription, ZAttributeDisplayName, ZAttributeRegexHint, ZAttributeRegexPattern } from './attribute-schemas';

export const ZUpdateAttributeDefinitionInput = z.object({
  definitionId: ZId,
  displayName: ZAttributeDisplayName.optional(),
  description: ZAttributeDescription.optional(),
  listValues: z.array(z.unknown()).max(1000).optional(),
  regexPattern: ZAttributeRegexPattern.optional(),
  regexHint: ZAttributeRegexHint.optional(),
});
export type TUpdateAttributeDefinitionInput = z.input<typeof ZUpdateAttributeDefinitionInput>;

// A1/A2 settings: an administrator renames, re-describes, changes the list values or the pattern
// of an attribute; fields left out keep their value. Model, key and type never change: stored
// values were validated for them (delete and define anew instead). Values already stored are not
// re-validated: a list value since removed, or a text that no longer matches, stays until someone
// edits it (the sidebar then asks for a valid one). Past activity messages keep the old name.
export const updateAttributeDefinition = async (ctx: Ctx, input: TUpdateAttributeDefinitionInput): Promise<CustomAttributeDefinition> => {
  requireAdministrator(ctx.actor);
  const parsed = ZUpdateAttributeDefinitionInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    // A malformed id names no definition.
    if (field === 'definitionId') throw new DomainError('NOT_FOUND', { entity: 'attribute_definition' });
    throw new DomainError('INVALID_INPUT', { field });
  }
  const { definitionId, displayName, description, listValues, regexPattern, regexHint } = parsed.data;
  const where = and(eq(customAttributeDefinitions.id, definitionId), accountScope(ctx.actor, customAttributeDefinitions.accountId));

  const [current] = await ctx.db.select().from(customAttributeDefinitions).where(where);
  if (!current) throw new DomainError('NOT_FOUND', { entity: 'attribute_definition' });
  const rules = attributeRules({
    type: current.type,
    listValues: listValues ?? current.listValues,
    regexPattern: regexPattern === undefined ? current.regexPattern : regexPattern,
    regexHint: regexHint === undefined ? current.regexHint : regexHint,
  });

  const [definition] = await ctx.db
    .update(customAttributeDefinitions)
    .set({
      ...(displayName === undefined ? {} : { displayName }),
      ...(description === undefined ? {} : { description }),
      ...rules,
    })
    .where(where)
    .returning();
  if (!definition) throw new DomainError('NOT_FOUND', { entity: 'attribute_definition' });
  return definition;
};
