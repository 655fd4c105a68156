import { and, sql, type SQL } from 'drizzle-orm';
import { contacts, conversations } from '@/db/schema';
import { accountScope, conversationScope } from '../authorization/scope';
import type { Actor } from '../context';

// The contacts an actor may see, as a condition on the `contacts` table: always the actor's account;
// administrators see every contact of it, agents only contacts with a conversation in one of their
// inboxes (a customer who never wrote to their inboxes is not theirs to look up or change). Every
// contact query (card, edit, merge, delete, search) puts this in its WHERE, so the rule lives here.
export const contactScope = (actor: Actor): SQL => {
  const account = accountScope(actor, contacts.accountId);
  if (actor.role === 'administrator') return account;
  // conversations_contact_idx answers the EXISTS with one index probe per contact.
  const hasVisibleConversation = sql`exists (select 1 from ${conversations} where ${conversations.contactId} = ${contacts.id} and ${conversationScope(actor)})`;
  return and(account, hasVisibleConversation) as SQL;
};
