import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { conversationLabels, labels } from '@/db/schema';
import { searchable } from '@/db/schema/sql-functions';

export type ConversationLabel = { id: number; title: string; color: string };

// The labels of one conversation as X1 shows them, by title. The caller has authorised the conversation.
export const loadConversationLabels = async (db: DbOrTx, conversationId: number): Promise<ConversationLabel[]> =>
  db
    .select({ id: labels.id, title: labels.title, color: labels.color })
    .from(conversationLabels)
    .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
    .where(eq(conversationLabels.conversationId, conversationId))
    .orderBy(asc(searchable(labels.title)), asc(labels.title), asc(labels.id));
