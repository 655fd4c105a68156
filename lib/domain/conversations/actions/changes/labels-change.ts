import { and, asc, eq, inArray } from 'drizzle-orm';
import { conversationLabels, labels } from '@/db/schema';
import { searchable } from '@/db/schema/sql-functions';
import { DomainError } from '../../../errors';
import type { ConversationChange } from '../apply-conversation-change';

// X1: add or remove labels of the account. Each conversation records only the labels that really
// changed on it ("añadió la etiqueta vip" when it already had "urgente"); none: a no-op.
export const labelsChange = ({ labelIds, mode }: { labelIds: number[]; mode: 'add' | 'remove' }): ConversationChange => ({
  set: {},
  prepare: async (tx, rows) => {
    const found = await tx
      .select({ id: labels.id, title: labels.title })
      .from(labels)
      .where(and(eq(labels.accountId, rows[0].accountId), inArray(labels.id, labelIds)))
      .orderBy(asc(searchable(labels.title)), asc(labels.title), asc(labels.id));
    if (found.length !== labelIds.length) throw new DomainError('INVALID_INPUT', { field: 'labelIds' });

    const present = await tx
      .select({ conversationId: conversationLabels.conversationId, labelId: conversationLabels.labelId })
      .from(conversationLabels)
      .where(and(inArray(conversationLabels.conversationId, rows.map((row) => row.id)), inArray(conversationLabels.labelId, labelIds)));
    const has = new Set(present.map((link) => `${link.conversationId}:${link.labelId}`));

    return (row) => {
      const changing = found.filter((label) => has.has(`${row.id}:${label.id}`) === (mode === 'remove'));
      if (changing.length === 0) return null;
      const ids = changing.map((label) => label.id);
      return {
        activity: { action: mode === 'add' ? 'labels_added' : 'labels_removed', labelIds: ids, labels: changing.map((label) => label.title) },
        changed: mode === 'add' ? { addedLabelIds: ids } : { removedLabelIds: ids },
      };
    };
  },
  afterWrite: async (tx, changed) => {
    const conversationIds = changed.map((conversation) => conversation.id);
    if (mode === 'remove') {
      await tx
        .delete(conversationLabels)
        .where(and(inArray(conversationLabels.conversationId, conversationIds), inArray(conversationLabels.labelId, labelIds)));
      return;
    }
    await tx
      .insert(conversationLabels)
      .values(conversationIds.flatMap((conversationId) => labelIds.map((labelId) => ({ conversationId, labelId }))))
      .onConflictDoNothing();
  },
});
