import { z } from 'zod';
import { customAttributeDefinitions, type CustomAttributeDefinition } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { isUniqueViolation } from '../transactions/is-unique-violation';
import { attributeRules } from './attribute-rules';
import {
  ZAttributeDescription,
  ZAttributeDisplayName,
  ZAttributeKey,
  ZAttributeModel,
  ZAttributeRegexHint,
  ZAttributeRegexPattern,
  ZAttributeType,
} from './attribute-schemas';
import { deriveAttributeKey } from './derive-attribute-key';

export const ZCreateAttributeDefinitionInput = z.object({
  model: ZAttributeModel,
  displayName: ZAttributeDisplayName,
  // Empty or left out: derived from the display name.
  key: z.string().max(100).optional(),
  type: ZAttributeType,
  description: ZAttributeDescription.optional(),
  listValues: z.array(z.unknown()).max(1000).optional(),
  regexPattern: ZAttributeRegexPattern.optional(),
  regexHint: ZAttributeRegexHint.optional(),
});
export type TCreateAttributeDefinitionInput = z.input<typeof ZCreateAttributeDefinitionInput>;

// A1/A2 settings: an administrator defines a custom attribute of conversations or of contacts.
// The key (typed, or derived from the display name as ascii snake_case) is unique per account and
// model: CONFLICT `key` otherwise. See attributeRules for list values and the optional pattern.
export const createAttributeDefinition = async (ctx: Ctx, input: TCreateAttributeDefinitionInput): Promise<CustomAttributeDefinition> => {
  requireAdministrator(ctx.actor);
  const parsed = ZCreateAttributeDefinitionInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  const { model, displayName, type, description, listValues, regexPattern, regexHint } = parsed.data;

  const typedKey = parsed.data.key?.trim();
  const key = ZAttributeKey.safeParse(typedKey || deriveAttributeKey(displayName));
  if (!key.success) throw new DomainError('INVALID_INPUT', { field: 'key' });
  const rules = attributeRules({ type, listValues, regexPattern: regexPattern ?? null, regexHint: regexHint ?? null });

  try {
    const [definition] = await ctx.db
      .insert(customAttributeDefinitions)
      .values({ accountId: ctx.actor.accountId, model, key: key.data, displayName, type, description: description ?? null, ...rules, createdAt: ctx.now() })
      .returning();
    return definition;
  } catch (error) {
    if (isUniqueViolation(error, 'custom_attribute_definitions_key')) throw new DomainError('CONFLICT', { field: 'key' });
    throw error;
  }
};
