import { z } from 'zod';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';
import { ZAttributeModel, type TAttributeModel } from './attribute-schemas';

export const ZAttributeValueTarget = z.object({ model: ZAttributeModel, recordId: ZId, key: z.string().trim().min(1).max(100) });
export type TAttributeValueTarget = z.input<typeof ZAttributeValueTarget>;

// Which record and attribute a value change names. A malformed record id names no record
// (NOT_FOUND, as a conversation or contact that does not exist); a bad model or key: INVALID_INPUT.
export const parseAttributeValueTarget = (input: unknown): { model: TAttributeModel; recordId: number; key: string } => {
  const parsed = ZAttributeValueTarget.safeParse(input);
  if (parsed.success) return parsed.data;
  const field = String(parsed.error.issues[0]?.path[0] ?? '');
  if (field === 'recordId') {
    const model = ZAttributeModel.safeParse((input as { model?: unknown } | null)?.model);
    if (model.success) throw new DomainError('NOT_FOUND', { entity: model.data });
  }
  throw new DomainError('INVALID_INPUT', { field });
};
