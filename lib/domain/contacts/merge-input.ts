import { z } from 'zod';
import { DomainError } from '../errors';
import { parseContactInput, ZContactId } from './contact-input';

// K3: the contact that stays (primary) and the one that goes (secondary).
export const ZMergeContactsInput = z.object({ primaryId: ZContactId, secondaryId: ZContactId });
export type TMergeContactsInput = z.input<typeof ZMergeContactsInput>;

// The merge's input, refused with INVALID_INPUT { reason: 'same_contact' } when both ids name the
// same contact (merging a contact with itself would delete it).
export const parseMergeInput = (input: unknown): z.infer<typeof ZMergeContactsInput> => {
  const data = parseContactInput(ZMergeContactsInput, input);
  if (data.primaryId === data.secondaryId) throw new DomainError('INVALID_INPUT', { field: 'secondaryId', reason: 'same_contact' });
  return data;
};
