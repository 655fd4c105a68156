import { z } from 'zod';
import { DomainError } from '../errors';
import { ZDbId } from '../request-values';

// A row id: coerced because ids arrive from forms and URLs as strings; capped at PostgreSQL's
// integer so that a huge number is a validation error, not an SQL error.
export const ZContactId = ZDbId;

// Fields that name a contact: a malformed value cannot name any contact, so it is NOT_FOUND.
const CONTACT_ID_FIELDS = new Set(['contactId', 'primaryId', 'secondaryId']);

// Input that fails its schema becomes a DomainError: NOT_FOUND for a malformed contact id (like a
// contact that does not exist), INVALID_INPUT naming the offending field for anything else.
export const parseContactInput = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const path = parsed.error.issues[0]?.path ?? [];
  if (typeof path[0] === 'string' && CONTACT_ID_FIELDS.has(path[0])) throw new DomainError('NOT_FOUND', { entity: 'contact' });
  const field = path.filter((segment) => typeof segment === 'string').at(-1);
  throw new DomainError('INVALID_INPUT', { field: field ?? '' });
};
