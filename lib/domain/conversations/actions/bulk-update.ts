import { z } from 'zod';
import type { Ctx } from '../../context';
import { applyConversationChange, type ConversationChange } from './apply-conversation-change';
import { assigneeChange } from './changes/assignee-change';
import { labelsChange } from './changes/labels-change';
import { statusChange } from './changes/status-change';
import { teamChange } from './changes/team-change';
import { parseActionInput } from './parse-action-input';
import { ZActionStatus, ZId, ZLabelIds } from './schemas';

export const ZBulkChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: ZActionStatus }),
  z.object({ kind: z.literal('assignee'), assigneeId: ZId.nullable() }),
  z.object({ kind: z.literal('team'), teamId: ZId.nullable() }),
  z.object({ kind: z.literal('add_labels'), labelIds: ZLabelIds }),
  z.object({ kind: z.literal('remove_labels'), labelIds: ZLabelIds }),
]);
export type TBulkChange = z.infer<typeof ZBulkChange>;

export const ZBulkUpdateInput = z.object({ conversationIds: z.array(ZId).min(1).max(100), change: ZBulkChange });
export type TBulkUpdateInput = z.input<typeof ZBulkUpdateInput>;

const changeOf = (change: TBulkChange): ConversationChange => {
  switch (change.kind) {
    case 'status':
      return statusChange(change.status);
    case 'assignee':
      return assigneeChange(change.assigneeId);
    case 'team':
      return teamChange(change.teamId);
    case 'add_labels':
      return labelsChange({ labelIds: change.labelIds, mode: 'add' });
    case 'remove_labels':
      return labelsChange({ labelIds: change.labelIds, mode: 'remove' });
  }
};

// Issue #3: the list's bulk actions. All or nothing, in one transaction: an id the actor may not
// see is NOT_FOUND, an assignee missing from one conversation's inbox is INVALID_INPUT, and then
// no conversation changes. Each changed conversation gets its own activity message; conversations
// that already had the value are left untouched. Returns how many changed.
export const bulkUpdate = async (ctx: Ctx, input: TBulkUpdateInput): Promise<{ changed: number }> => {
  const { conversationIds, change } = parseActionInput(ZBulkUpdateInput, input);
  const { changedCount } = await applyConversationChange(ctx, { conversationIds, change: changeOf(change) });
  return { changed: changedCount };
};
