import { sql, type SQL } from 'drizzle-orm';
import { contacts, conversations } from '@/db/schema';

// A condition on the conversation's contact, as an EXISTS subquery (no join: the list's own joins
// and row counts stay untouched). Every conversation has exactly one contact, so NOT of this is
// "the contact does not match".
export const contactExists = (predicate: SQL): SQL =>
  sql`exists (select 1 from ${contacts} where ${contacts.id} = ${conversations.contactId} and ${predicate})`;
