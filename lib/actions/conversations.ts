'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireCtx } from '@/lib/auth/session';
import { bulkUpdate, type TBulkChange } from '@/lib/domain/conversations/actions/bulk-update';
import { findConversations } from '@/lib/domain/conversations/find-conversations';
import { listMoreConversations } from '@/lib/domain/conversations/list/list-conversations';
import { ZListQuery, ZListView, type TListQueryInput, type TListViewInput } from '@/lib/domain/conversations/list/list-query';
import { asInvalidInput, isDomainError, type DomainErrorCode } from '@/lib/domain/errors';
import { ZDbId, ZDbIdOrNone } from '@/lib/domain/request-values';
import { formAction, zFormList } from './action';


const ZBulkForm = z.object({
  conversationIds: zFormList(ZDbId).pipe(z.array(z.number()).min(1).max(100)),
  kind: z.enum(['status', 'assignee', 'team', 'add_labels', 'remove_labels']),
  status: z.enum(['open', 'resolved', 'pending']).optional(),
  assigneeId: ZDbIdOrNone.optional(),
  teamId: ZDbIdOrNone.optional(),
  labelId: ZDbId.optional(),
});

const bulkChangeOf = (form: z.infer<typeof ZBulkForm>): TBulkChange | null => {
  switch (form.kind) {
    case 'status':
      return form.status ? { kind: 'status', status: form.status } : null;
    case 'assignee':
      return form.assigneeId === undefined ? null : { kind: 'assignee', assigneeId: form.assigneeId };
    case 'team':
      return form.teamId === undefined ? null : { kind: 'team', teamId: form.teamId };
    case 'add_labels':
    case 'remove_labels':
      return form.labelId ? { kind: form.kind, labelIds: [form.labelId] } : null;
  }
};

// Bulk actions on the selected conversations: one transaction, one activity message each.
export const bulkUpdateAction = formAction(ZBulkForm, async (ctx, form) => {
  const change = bulkChangeOf(form);
  if (!change) return { error: 'INVALID_INPUT' };
  const { changed } = await bulkUpdate(ctx, { conversationIds: form.conversationIds, change });
  revalidatePath('/', 'layout');
  return { details: { count: changed } };
});

// The next page of a list, for infinite scroll (the "load more" link does the same without JS). A
// malformed view or query, or a view the agent may not see, is an empty page with the error code
// (the list shows "could not load"), never an exception.
export const loadMoreConversationsAction = async (
  view: TListViewInput,
  query: TListQueryInput,
): Promise<{ items: Awaited<ReturnType<typeof listMoreConversations>>['items']; nextCursor: string | null; error?: DomainErrorCode }> => {
  const ctx = await requireCtx();
  const parsedView = ZListView.safeParse(view);
  const parsedQuery = ZListQuery.safeParse(query);
  if (!parsedView.success || !parsedQuery.success) return { items: [], nextCursor: null, error: 'INVALID_INPUT' };
  try {
    return await listMoreConversations(ctx, parsedView.data, parsedQuery.data);
  } catch (error) {
    const domainError = isDomainError(error) ? error : asInvalidInput(error);
    if (domainError) return { items: [], nextCursor: null, error: domainError.code };
    throw error;
  }
};

// The command palette: conversations by number ("#123") or contact name, in the agent's inboxes.
export const findConversationsAction = async (query: string) => {
  const ctx = await requireCtx();
  return findConversations(ctx, { query: String(query) });
};
