import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { labels, type Conversation } from '@/db/schema';
import { accountScope } from '../../authorization/scope';
import type { Ctx } from '../../context';
import { createLabel } from '../../labels/create-label';
import { labelColourFor } from '../../labels/labels-by-title';
import { ZLabelTitle } from '../../labels/label-schemas';
import { inTransaction } from '../../transactions/in-transaction';
import { addLabels } from './add-labels';
import type { ConversationLabel } from './load-conversation-labels';
import { parseActionInput } from './parse-action-input';
import { ZId } from './schemas';

export const ZAddLabelByTitleInput = z.object({ conversationId: ZId, title: ZLabelTitle });
export type TAddLabelByTitleInput = z.input<typeof ZAddLabelByTitleInput>;

// X1 "Crear etiqueta «texto»": adds the account's label with this title (any case) to the
// conversation, creating the label first when there is none, which only administrators may do
// (FORBIDDEN for agents, as in createLabel). One transaction: a label is never created for a
// conversation that then refuses it (NOT_FOUND), and the labels change writes its activity message.
export const addLabelByTitle = async (
  ctx: Ctx,
  input: TAddLabelByTitleInput,
): Promise<{ conversation: Conversation; labels: ConversationLabel[]; created: boolean }> => {
  const { conversationId, title } = parseActionInput(ZAddLabelByTitleInput, input);
  return inTransaction(ctx, async (txCtx) => {
    const [existing] = await txCtx.db
      .select({ id: labels.id })
      .from(labels)
      .where(and(accountScope(txCtx.actor, labels.accountId), eq(labels.title, title)))
      .limit(1);
    const label = existing ?? (await createLabel(txCtx, { title, color: labelColourFor(title) }));
    const result = await addLabels(txCtx, { conversationId, labelIds: [label.id] });
    return { ...result, created: !existing };
  });
};
