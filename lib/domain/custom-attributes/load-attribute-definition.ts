import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customAttributeDefinitions, type CustomAttributeDefinition } from '@/db/schema';
import { DomainError } from '../errors';
import type { TAttributeModel } from './attribute-schemas';

// The definition of an attribute by its key, in the account of the record being changed (which the
// caller has authorised); NOT_FOUND `attribute_definition` when there is none.
export const loadAttributeDefinition = async (
  db: DbOrTx,
  { accountId, model, key }: { accountId: number; model: TAttributeModel; key: string },
): Promise<CustomAttributeDefinition> => {
  const [definition] = await db
    .select()
    .from(customAttributeDefinitions)
    .where(and(eq(customAttributeDefinitions.accountId, accountId), eq(customAttributeDefinitions.model, model), eq(customAttributeDefinitions.key, key)));
  if (!definition) throw new DomainError('NOT_FOUND', { entity: 'attribute_definition' });
  return definition;
};
