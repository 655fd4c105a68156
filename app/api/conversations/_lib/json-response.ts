import { ZodError } from 'zod';
import { asInvalidInput, isDomainError, type DomainErrorCode } from '@/lib/domain/errors';

// The HTTP status of each domain error code; the body carries the code for the UI to translate.
const STATUS: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  RATE_LIMITED: 429,
};

// JSON that no cache keeps: every answer here is for one signed-in agent.
export const json = (data: unknown, status = 200): Response =>
  Response.json(data, { status, headers: { 'Cache-Control': 'private, no-store' } });

// `{ error: code, details }` with its 4xx status, for a DomainError, a failed zod parse or a value the
// database refused (asInvalidInput); any
// other error is a bug and is rethrown (Next.js answers 500 and logs it).
export const errorResponse = (error: unknown): Response => {
  if (isDomainError(error)) return json({ error: error.code, details: error.details }, STATUS[error.code]);
  if (error instanceof ZodError) return json({ error: 'INVALID_INPUT', details: { field: String(error.issues[0]?.path[0] ?? '') } }, 400);
  const invalid = asInvalidInput(error);
  if (invalid) return json({ error: invalid.code, details: invalid.details }, 400);
  throw error;
};
