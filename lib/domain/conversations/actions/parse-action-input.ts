import type { z } from 'zod';
import { DomainError } from '../../errors';

// Input that fails its schema becomes a DomainError. A malformed conversation id cannot name any
// conversation, so it is NOT_FOUND (as in getConversation); anything else is INVALID_INPUT naming
// the offending field (the innermost name: `labelIds` in a bulk `change.labelIds`) for the form.
export const parseActionInput = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const path = parsed.error.issues[0]?.path ?? [];
  const [first, second] = path;
  if (first === 'conversationId' || (first === 'conversationIds' && typeof second === 'number')) {
    throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  }
  const field = path.filter((segment) => typeof segment === 'string').at(-1);
  throw new DomainError('INVALID_INPUT', { field: field ?? '' });
};
