import { DomainError } from '../errors';
import { isUniqueViolation } from '../transactions/is-unique-violation';

// A team name is unique per account whatever its case: CONFLICT `name`.
export const rethrowTeamNameConflict = (error: unknown): never => {
  if (isUniqueViolation(error, 'teams_account_name_key')) throw new DomainError('CONFLICT', { field: 'name' });
  throw error;
};
