import { DomainError } from '../../errors';
import type { TFilterErrorReason } from './filter-schema';

// The one error a refused filter raises: INVALID_INPUT with the field (as the panel named it), a
// reason code the UI translates, and the condition's position so the panel can point at it.
export const filterError = (reason: TFilterErrorReason, where: { field?: string; condition?: number } = {}): DomainError =>
  new DomainError('INVALID_INPUT', {
    // Echoed to the UI, so kept short; React escapes it like any other text.
    field: (where.field ?? 'filter').slice(0, 120),
    reason,
    ...(where.condition === undefined ? {} : { condition: where.condition }),
  });
