import { inArray, or, sql, type SQL } from 'drizzle-orm';
import { attachments, conversations, messages } from '@/db/schema';

// The attachments that go with a contact's conversations, as a condition on `attachments`: files
// sent in their messages (message_id; rows written by channels have no conversation_id) and uploads
// made in them and not sent yet (conversation_id). Deleting the conversations cascades to both, so
// deleteContact removes exactly these files.
export const contactAttachments = (contactId: number): SQL => {
  const contactConversations = sql`(select ${conversations.id} from ${conversations} where ${conversations.contactId} = ${contactId})`;
  return or(
    inArray(attachments.conversationId, contactConversations),
    inArray(attachments.messageId, sql`(select ${messages.id} from ${messages} where ${messages.conversationId} in ${contactConversations})`),
  ) as SQL;
};
