import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { messages } from '@/db/schema';

// One message's conversation and type, when its customer may see it (not a private note, not an
// activity line: the rule of customerVisibleMessages); null otherwise. What the customer channels
// (API contact, widget visitor) check before announcing a message.
export const customerVisibleMessage = async (db: DbOrTx, messageId: number) => {
  const [message] = await db
    .select({ conversationId: messages.conversationId, messageType: messages.messageType })
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.private, false), ne(messages.messageType, 'activity')));
  return message ?? null;
};
