import { ZodError } from 'zod';
import { asInvalidInput, isDomainError, type DomainErrorCode } from '@/lib/domain/errors';

// Answers are JSON for one token holder: never cached, readable from other origins (integrations
// call from anywhere; a token is never an ambient credential, so CORS adds no risk).
const HEADERS = { 'Cache-Control': 'private, no-store', 'Access-Control-Allow-Origin': '*' };

export const apiJson = (data: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  Response.json(data, { status, headers: { ...HEADERS, ...headers } });

// Chatwoot's answers for each refusal (its ApplicationController / Pundit / RecordNotFound texts).
// FORBIDDEN is 401 there too: Pundit::NotAuthorizedError renders 401 "not authorized".
const CHATWOOT: Record<DomainErrorCode, { status: number; message: string }> = {
  UNAUTHENTICATED: { status: 401, message: 'Invalid Access Token' },
  INVALID_CREDENTIALS: { status: 401, message: 'Invalid Access Token' },
  FORBIDDEN: { status: 401, message: 'You are not authorized to do this action' },
  NOT_FOUND: { status: 404, message: 'Resource could not be found' },
  CONFLICT: { status: 422, message: 'Validation failed: record already exists' },
  INVALID_INPUT: { status: 422, message: 'Validation failed' },
  TOO_LARGE: { status: 413, message: 'Request body too large' },
  UNSUPPORTED_TYPE: { status: 422, message: 'File type not allowed' },
  RATE_LIMITED: { status: 429, message: 'Too many requests' },
};

// Chatwoot's error body: `error` (what every Chatwoot client reads), plus `message`, and for
// refused input the swagger's bad_request_error (`description`, `errors[]` naming the field).
export const apiErrorBody = (code: DomainErrorCode, details: Record<string, string | number> = {}) => {
  const { message } = CHATWOOT[code];
  const field = details.field === undefined ? undefined : String(details.field);
  const reason = details.reason === undefined ? code.toLowerCase() : String(details.reason);
  const invalid = code === 'INVALID_INPUT' || code === 'CONFLICT' || code === 'UNSUPPORTED_TYPE';
  return {
    error: field && invalid ? `${message}: ${field} ${reason}` : message,
    message,
    ...(invalid ? { description: message, errors: [{ field: field ?? '', message: reason, code }] } : {}),
    code,
    details,
  };
};

export const apiErrorResponse = (code: DomainErrorCode, details: Record<string, string | number> = {}): Response => {
  const headers: Record<string, string> = code === 'RATE_LIMITED' ? { 'Retry-After': String(details.retryAfter ?? 60) } : {};
  return apiJson(apiErrorBody(code, details), CHATWOOT[code].status, headers);
};

// A DomainError, a zod failure or a value the database refused (SQLSTATE 22xxx: the statement and its
// transaction rolled back) as its Chatwoot answer; anything else is a bug and is rethrown.
export const apiError = (error: unknown): Response => {
  if (isDomainError(error)) return apiErrorResponse(error.code, error.details);
  const invalid = asInvalidInput(error);
  if (invalid) return apiErrorResponse(invalid.code, invalid.details);
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.filter((segment) => typeof segment === 'string' || typeof segment === 'number').join('.') ?? '';
    return apiErrorResponse('INVALID_INPUT', { field, reason: issue?.message ?? 'invalid' });
  }
  throw error;
};
