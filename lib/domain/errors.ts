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
