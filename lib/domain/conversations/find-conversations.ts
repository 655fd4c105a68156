import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contacts, conversations } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { listConversations } from './list/list-conversations';

export const ZFindConversationsInput = z.object({ query: z.string().trim().min(1).max(200) });

export type FoundConversation = { id: number; displayId: number; contactName: string; status: string };

const LIMIT = 8;

// The command palette's finder: "#123" (or "123") is a conversation number, anything else a contact's
// name (contains, case- and accent-insensitive: the list's own contact_name filter). Only the
// actor's inboxes; newest activity first; junk finds nothing rather than failing.
export const findConversations = async (ctx: Ctx, input: z.input<typeof ZFindConversationsInput>): Promise<FoundConversation[]> => {
  const parsed = ZFindConversationsInput.safeParse(input);
  if (!parsed.success) return [];
  const number = /^#?(\d{1,9})$/.exec(parsed.data.query)?.[1];
  if (number) {
    const rows = await ctx.db
      .select({ id: conversations.id, displayId: conversations.displayId, status: conversations.status, name: contacts.name, email: contacts.email, phone: contacts.phone })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(eq(conversations.displayId, Number(number)), conversationScope(ctx.actor)))
      .orderBy(desc(conversations.lastActivityAt))
      .limit(LIMIT);
    return rows.map((row) => ({ id: row.id, displayId: row.displayId, status: row.status, contactName: row.name || row.phone || row.email || '' }));
  }
  const { items } = await listConversations(
    ctx,
    { kind: 'all' },
    { tab: 'all', status: 'all', filter: { operator: 'and', conditions: [{ field: 'contact_name', op: 'contains', value: parsed.data.query }] } },
  );
  return items.slice(0, LIMIT).map((card) => ({
    id: card.id,
    displayId: card.displayId,
    status: card.status,
    contactName: card.contact.name || card.contact.phone || card.contact.email || '',
  }));
};
