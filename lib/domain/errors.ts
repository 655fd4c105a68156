// The one error type of the domain. It carries a code, never UI text: the UI translates the code
// (messages key `errors.<code>`), and `details` fill the message's placeholders.
export type DomainErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INVALID_CREDENTIALS'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_TYPE';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, string | number>;

  constructor(code: DomainErrorCode, details: Record<string, string | number> = {}) {
    super(`${code}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

// PostgreSQL's "data exception" class (SQLSTATE 22xxx): a value the database cannot hold or read, such
// as a NUL byte in text (22021 / 22P05), a timestamp or number out of range (22008 / 22003) or a
// malformed literal (22P02). Input checks should refuse these first; this is the net under them, so
// such a value is INVALID_INPUT (4xx, the statement and its transaction rolled back), never a 500.
// drizzle wraps the driver's error: the SQLSTATE is on it or on its cause.
export const asInvalidInput = (error: unknown): DomainError | null => {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return new DomainError('INVALID_INPUT', { reason: 'invalid_value' });
  }
  return null;
};
