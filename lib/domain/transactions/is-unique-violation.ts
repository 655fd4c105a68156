type DriverError = { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };

// Whether an error is PostgreSQL's unique_violation on the named index, read from the driver's
// error (PGlite names it `constraint`, postgres.js `constraint_name`) or from the DrizzleQueryError
// wrapping it. Letting the unique index decide means two admins saving the same key at once cannot
// both win, which a "SELECT first" check could not promise.
export const isUniqueViolation = (error: unknown, constraintName: string): boolean => {
  for (let current = error; current && typeof current === 'object'; current = (current as DriverError).cause) {
    const { code, constraint, constraint_name } = current as DriverError;
    if (code === '23505') return (constraint ?? constraint_name) === constraintName;
  }
  return false;
};
