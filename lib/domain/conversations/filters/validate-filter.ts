import type { z } from 'zod';
import type { DomainError } from '../../errors';
import { filterError } from './filter-error';
import { ZConversationFilter, type TConversationFilter, type TFilterErrorReason } from './filter-schema';

// Which reason a schema issue means for the person who built the filter.
const reasonOf = (issue: z.core.$ZodIssue): TFilterErrorReason => {
  const custom = issue.code === 'custom' ? (issue.params?.reason as TFilterErrorReason | undefined) : undefined;
  if (custom) return custom;
  const [top, , key] = issue.path;
  if (top === 'conditions' && issue.path.length === 1 && issue.code === 'too_big') return 'too_many_conditions';
  if (top === 'conditions' && key === 'field') return 'unknown_field';
  if (top === 'conditions' && key === 'op') return 'unsupported_operator';
  if (top === 'conditions' && key === 'value') return 'invalid_value';
  return 'invalid_filter';
};

const errorOf = (input: unknown, error: z.ZodError): DomainError => {
  const issue = error.issues[0];
  const [top, index] = issue.path;
  if (top !== 'conditions' || typeof index !== 'number') return filterError(reasonOf(issue));
  const conditions = (input as { conditions?: unknown[] }).conditions;
  const field = (conditions?.[index] as { field?: unknown } | undefined)?.field;
  return filterError(reasonOf(issue), { field: typeof field === 'string' ? field : undefined, condition: index });
};

// Checks a filter's shape (and the fixed fields' operators and values) and returns it typed, or
// throws INVALID_INPUT with the first problem found.
export const validateFilter = (input: unknown): TConversationFilter => {
  const parsed = ZConversationFilter.safeParse(input);
  if (!parsed.success) throw errorOf(input, parsed.error);
  return parsed.data;
};
