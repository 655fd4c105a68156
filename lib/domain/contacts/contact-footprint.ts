import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments, contactInboxes, conversations, messages } from '@/db/schema';
import { contactAttachments } from './contact-attachments';

// What belongs to a contact and moves with a merge or goes with a delete.
export type ContactFootprint = {
  conversations: number;
  // Messages people wrote (customer messages, replies, notes); activity lines (B4) are not counted.
  messages: number;
  attachments: number;
  // The contact's channel links (widget sessions, API ids, email addresses per inbox).
  contactInboxes: number;
};

// K3/K4: the counts of a contact's conversations, messages, attachments and channel links, in one
// round trip, over every inbox (a merge moves and a delete removes them all, whoever asks).
export const contactFootprint = async (db: DbOrTx, contactId: number): Promise<ContactFootprint> => {
  const ofContact = db.select({ id: conversations.id }).from(conversations).where(eq(conversations.contactId, contactId));
  const [row] = await db
    .select({
      conversations: sql<number>`${db.select({ n: count() }).from(conversations).where(eq(conversations.contactId, contactId))}`.mapWith(Number),
      messages: sql<number>`${db
        .select({ n: count() })
        .from(messages)
        .where(and(inArray(messages.conversationId, ofContact), ne(messages.messageType, 'activity')))}`.mapWith(Number),
      attachments: sql<number>`${db.select({ n: count() }).from(attachments).where(contactAttachments(contactId))}`.mapWith(Number),
      contactInboxes: sql<number>`${db.select({ n: count() }).from(contactInboxes).where(eq(contactInboxes.contactId, contactId))}`.mapWith(Number),
    })
    .from(sql`(select 1) as one`);
  return row;
};
