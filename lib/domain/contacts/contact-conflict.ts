import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { contacts } from '@/db/schema';
import type { Actor } from '../context';
import { DomainError } from '../errors';
import { contactScope } from './contact-scope';

export type ContactConflictField = 'email' | 'phone';

type DriverError = { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };

const FIELD_OF_INDEX: Record<string, ContactConflictField> = {
  contacts_account_email_key: 'email',
  contacts_account_phone_key: 'phone',
};

// The field whose unique index an error violated (PostgreSQL unique_violation, read from the driver's
// error: PGlite names the constraint `constraint`, postgres.js `constraint_name`; drizzle wraps it
// in `cause`), or null for any other error.
export const violatedContactField = (error: unknown): ContactConflictField | null => {
  for (let current = error; current && typeof current === 'object'; current = (current as DriverError).cause) {
    const { code, constraint, constraint_name } = current as DriverError;
    if (code === '23505') return FIELD_OF_INDEX[String(constraint ?? constraint_name)] ?? null;
  }
  return null;
};

// K2: CONFLICT naming the other contact of the account that already has this email (any case) or
// phone, or null when there is none. The other contact is named ({ contactId, contactName }) only
// when the actor may see it: an agent learns that the address is taken, not whose it is, for a
// customer outside their inboxes (the UI then says "another contact").
export const findContactConflict = async (
  db: DbOrTx,
  actor: Actor,
  { contactId, email, phone }: { contactId: number; email: string | null; phone: string | null },
): Promise<DomainError | null> => {
  const matches: SQL[] = [];
  if (email) matches.push(sql`lower(${contacts.email}) = ${email.toLowerCase()}`);
  if (phone) matches.push(eq(contacts.phone, phone));
  if (matches.length === 0) return null;

  const rows = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      visible: sql<boolean>`(${contactScope(actor)})`,
    })
    .from(contacts)
    .where(and(eq(contacts.accountId, actor.accountId), ne(contacts.id, contactId), or(...matches)))
    .limit(2);
  if (rows.length === 0) return null;
  // The email is reported first when both are taken: it is the first field of the form.
  const other = rows.find((row) => email && row.email?.toLowerCase() === email.toLowerCase()) ?? rows[0];
  const field: ContactConflictField = email && other.email?.toLowerCase() === email.toLowerCase() ? 'email' : 'phone';
  return new DomainError('CONFLICT', other.visible ? { field, contactId: other.id, contactName: other.name } : { field });
};
