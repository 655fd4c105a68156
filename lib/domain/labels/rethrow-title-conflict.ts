import { DomainError } from '../errors';

type DriverError = { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };

// PostgreSQL's unique_violation on the title index, read from the driver's error (PGlite names the
// constraint `constraint`, postgres.js `constraint_name`) or from the DrizzleQueryError wrapping it.
const isTitleTaken = (error: unknown): boolean => {
  for (let current = error; current && typeof current === 'object'; current = (current as DriverError).cause) {
    const { code, constraint, constraint_name } = current as DriverError;
    if (code === '23505') return (constraint ?? constraint_name) === 'labels_account_title_key';
  }
  return false;
};

// Turns "the account already has this title" into CONFLICT on the title field. The unique index on
// (account, lower(title)) decides, so two admins creating the same label at once cannot both win.
export const rethrowTitleConflict = (error: unknown): never => {
  if (isTitleTaken(error)) throw new DomainError('CONFLICT', { field: 'title' });
  throw error;
};
