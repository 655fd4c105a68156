import type { CustomAttributes } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import type { TAttributeModel } from './attribute-schemas';
import { clearAttributeValue } from './clear-attribute-value';
import { listAttributeDefinitions } from './list-attribute-definitions';
import { setAttributeValue } from './set-attribute-value';
import { validateAttributeValue } from './validate-attribute-value';

export type SaveAttributeValuesInput = {
  model: TAttributeModel;
  recordId: number;
  // The attributes the form changed: a value to set, or null (an emptied field) to clear.
  values: Record<string, string | null>;
};

// A1/A2, the sidebar's one "Guardar" for all of a record's attributes: every value is checked
// against its definition first, so one bad value (INVALID_INPUT naming its key) changes nothing;
// then each change is written like a single one (its own activity line for a conversation).
// An unknown key is INVALID_INPUT `field: key`. Returns the record's attributes after the save.
export const saveAttributeValues = async (ctx: Ctx, { model, recordId, values }: SaveAttributeValuesInput): Promise<CustomAttributes | null> => {
  const definitions = await listAttributeDefinitions(ctx, { model });
  const entries = Object.entries(values);
  for (const [key, value] of entries) {
    const definition = definitions.find((candidate) => candidate.key === key);
    if (!definition) throw new DomainError('INVALID_INPUT', { field: key, reason: 'unknown' });
    if (value !== null) validateAttributeValue(definition, value);
  }
  let saved: CustomAttributes | null = null;
  for (const [key, value] of entries) {
    saved = value === null ? await clearAttributeValue(ctx, { model, recordId, key }) : await setAttributeValue(ctx, { model, recordId, key, value });
  }
  return saved;
};
