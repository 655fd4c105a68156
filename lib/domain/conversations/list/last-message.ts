import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { conversations, messages } from '@/db/schema';

export const EXCERPT_LENGTH = 140;

// The last message of each conversation that is not an activity line, as a LATERAL subquery on
// `conversations` (preview cards, previous conversations). Only enough text for the excerpt is read.
export const lastMessageSubquery = (db: DbOrTx) =>
  db
    .select({
      id: messages.id,
      content: sql<string | null>`left(${messages.content}, ${EXCERPT_LENGTH * 4})`.as('content'),
      messageType: messages.messageType,
      private: messages.private,
      senderType: messages.senderType,
      senderId: messages.senderId,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(and(eq(messages.conversationId, conversations.id), ne(messages.messageType, 'activity')))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1)
    .as('last_message');

// One line of text: whitespace (email line breaks, indentation) collapsed, cut at a character
// boundary (never inside a surrogate pair) with an ellipsis.
export const excerptOf = (content: string | null): string => {
  const text = (content ?? '').replace(/\s+/g, ' ').trim();
  const characters = Array.from(text);
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH - 1).join('').trimEnd()}…` : text;
};
