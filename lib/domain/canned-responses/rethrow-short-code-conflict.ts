import { DomainError } from '../errors';
import { isUniqueViolation } from '../transactions/is-unique-violation';

// "The account already has this short code" (the unique index on lower(short_code) decides) becomes
// CONFLICT on shortCode; any other error goes on as it is.
export const rethrowShortCodeConflict = (error: unknown): never => {
  if (isUniqueViolation(error, 'canned_responses_account_code_key')) throw new DomainError('CONFLICT', { field: 'shortCode' });
  throw error;
};
