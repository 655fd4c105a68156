import { and, asc, inArray, ne, or, sql } from 'drizzle-orm';
import { contacts, type CustomAttributes } from '@/db/schema';
import type { Ctx } from '../context';
import { contactScope } from './contact-scope';

// Where a customer-facing channel keeps an email or phone number that another contact already had
// (it never takes it from that contact, which would hand it their history): the client API
// (lib/domain/channels/api/api-contact.ts) and the widget's "¿Cómo te contactamos?".
const KEPT_EMAILS = ['unverified_email', 'widget_email'];
const KEPT_PHONES = ['unverified_phone_number'];

export type SuggestedDuplicate = { id: number; name: string; email: string | null; phone: string | null; matchedBy: 'email' | 'phone' };

const strings = (attributes: CustomAttributes, keys: string[]) => keys.map((key) => attributes[key]).filter((value): value is string => typeof value === 'string' && value.length > 0);

// Issue 12 #1: the "suggested duplicate" of the contact card: other contacts of the account that
// the actor may see whose email or phone is this contact's own or one it holds aside. Merging is
// the agents' decision (K3's merge flow); this only points at it. Looked up through the unique
// indexes on lower(email) and phone, so it costs a probe or two per card; at most 5.
export const listSuggestedDuplicates = async (
  ctx: Pick<Ctx, 'db' | 'actor'>,
  contact: { id: number; email: string | null; phone: string | null; customAttributes: CustomAttributes },
): Promise<SuggestedDuplicate[]> => {
  const emails = [...new Set([contact.email, ...strings(contact.customAttributes, KEPT_EMAILS)].filter((email): email is string => Boolean(email)).map((email) => email.toLowerCase()))];
  const phones = [...new Set([contact.phone, ...strings(contact.customAttributes, KEPT_PHONES)].filter((phone): phone is string => Boolean(phone)))];
  if (emails.length === 0 && phones.length === 0) return [];
  const rows = await ctx.db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone })
    .from(contacts)
    .where(
      and(
        contactScope(ctx.actor),
        ne(contacts.id, contact.id),
        or(emails.length ? inArray(sql`lower(${contacts.email})`, emails) : undefined, phones.length ? inArray(contacts.phone, phones) : undefined),
      ),
    )
    .orderBy(asc(contacts.id))
    .limit(5);
  return rows.map((row) => ({ ...row, matchedBy: row.email && emails.includes(row.email.toLowerCase()) ? 'email' : 'phone' }));
};
