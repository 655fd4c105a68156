import { z } from 'zod';
import { assignAgent } from '@/lib/domain/conversations/actions/assign-agent';
import { assignTeam } from '@/lib/domain/conversations/actions/assign-team';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { ZPriority } from '@/lib/domain/conversations/actions/schemas';
import { setPriority } from '@/lib/domain/conversations/actions/set-priority';
import { snoozeConversation } from '@/lib/domain/conversations/actions/snooze-conversation';
import { getConversation } from '@/lib/domain/conversations/get-conversation';
import type { TConversationFilter, TFilterCondition } from '@/lib/domain/conversations/filters/filter-schema';
import { countTabs } from '@/lib/domain/conversations/list/count-tabs';
import { listConversations, listMoreConversations } from '@/lib/domain/conversations/list/list-conversations';
import type { TListQueryInput, TListViewInput } from '@/lib/domain/conversations/list/list-query';
import { loadPreviewCardsWithDetails, type PreviewCard } from '@/lib/domain/conversations/list/load-preview-cards';
import type { ConversationDetails } from '@/lib/domain/conversations/conversation-details';
import { startConversation } from '@/lib/domain/conversations/start-conversation';
import type { Ctx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';
import { listLabels } from '@/lib/domain/labels/list-labels';
import { markConversationRead } from '@/lib/domain/messages/mark-read';
import { markConversationUnread } from '@/lib/domain/messages/mark-unread';
import { searchMessages } from '@/lib/domain/search/search-messages';
import { sendTranscript } from '@/lib/domain/transcripts/send-transcript';
import { inTransaction } from '@/lib/domain/transactions/in-transaction';
import { zQueryList, type ApiCall } from '../api-call';
import { chatwootFilter, ZChatwootFilterPayload } from '../chatwoot-filter';
import { conversationIdOf, conversationJsonById, conversationsJson } from '../conversation-payload';
import { ZDbId, ZQueryPage } from '@/lib/domain/request-values';

// Chatwoot pages by number (25 per page); the list pages by keyset, so page N walks N-1 cursors.
// Past this page the answer is empty rather than a long walk.
const MAX_PAGE = 200;

const ZListParams = z.object({
  assignee_type: z.enum(['me', 'mine', 'unassigned', 'all', 'assigned']).catch('all').default('all'),
  status: z.enum(['open', 'resolved', 'pending', 'snoozed', 'all']).catch('open').default('open'),
  inbox_id: ZDbId.optional().catch(undefined),
  team_id: ZDbId.optional().catch(undefined),
  labels: zQueryList,
  q: z.string().trim().max(200).optional(),
  page: ZQueryPage,
});
type TListParams = z.infer<typeof ZListParams>;

// Chatwoot's list parameters as the list's view, tab, status and filter (L4 conditions for the
// parts no view expresses: a team inside an inbox, labels, "assigned"). Unknown label titles match
// nothing, as in Chatwoot: null.
const listStateOf = async (ctx: Ctx, params: TListParams): Promise<{ view: TListViewInput; query: TListQueryInput } | null> => {
  const conditions: TFilterCondition[] = [];
  const view: TListViewInput = params.inbox_id ? { kind: 'inbox', inboxId: params.inbox_id } : params.team_id ? { kind: 'team', teamId: params.team_id } : { kind: 'all' };
  if (params.inbox_id && params.team_id) conditions.push({ field: 'team', op: 'equal', value: [params.team_id] });
  if (params.assignee_type === 'assigned') conditions.push({ field: 'assignee', op: 'present' });
  if (params.labels?.length) {
    const wanted = new Set(params.labels.map((title) => title.trim().toLowerCase()));
    const ids = (await listLabels(ctx)).filter((label) => wanted.has(label.title.toLowerCase())).map((label) => label.id);
    if (ids.length === 0) return null;
    conditions.push({ field: 'label', op: 'equal', value: ids });
  }
  const tab = params.assignee_type === 'me' || params.assignee_type === 'mine' ? 'mine' : params.assignee_type === 'unassigned' ? 'unassigned' : 'all';
  const filter: TConversationFilter | undefined = conditions.length ? { operator: 'and', conditions } : undefined;
  return { view, query: { tab, status: params.status, ...(filter ? { filter } : {}) } };
};

const countsJson = (counts: { mine: number; unassigned: number; all: number }) => ({
  mine_count: counts.mine,
  unassigned_count: counts.unassigned,
  assigned_count: Math.max(0, counts.all - counts.unassigned),
  all_count: counts.all,
});
const NO_COUNTS = { mine: 0, unassigned: 0, all: 0 };

// Page `page` of a list (walking the keyset), with the tab counts of the first call and the page's
// details, loaded beside its cards.
const listPage = async (ctx: Ctx, view: TListViewInput, query: TListQueryInput, page: number) => {
  const first = await listConversations(ctx, view, query, { withDetails: page === 1 });
  let { items, details } = first;
  let cursor = first.nextCursor;
  for (let current = 1; current < page; current += 1) {
    if (!cursor || current >= MAX_PAGE) return { items: [], details: undefined, counts: first.counts };
    const next = await listMoreConversations(ctx, view, { ...query, cursor }, { withDetails: current + 1 === page });
    ({ items, details } = next);
    cursor = next.nextCursor;
  }
  return { items, details, counts: first.counts };
};

// `q` (Chatwoot: conversations with a message containing the term): the conversations of the newest
// 50 matching messages (L1 search, scoped like the list), narrowed by status, inbox, team and tab.
const searchedCards = async (ctx: Ctx, params: TListParams): Promise<{ items: PreviewCard[]; details: Map<number, ConversationDetails> }> => {
  const page = await searchMessages(ctx, { q: params.q ?? '', limit: 50 });
  const ids = [...new Set(page.items.map((item) => item.conversationId))];
  const { items, details } = await loadPreviewCardsWithDetails(ctx, ids);
  const me = ctx.actor.userId;
  const kept = items.filter(
    (card) =>
      (params.status === 'all' || card.status === params.status) &&
      (!params.inbox_id || card.inbox.id === params.inbox_id) &&
      (!params.team_id || card.team?.id === params.team_id) &&
      (params.assignee_type !== 'me' && params.assignee_type !== 'mine' ? true : card.assignee?.id === me) &&
      (params.assignee_type !== 'unassigned' || card.assignee === null) &&
      (params.assignee_type !== 'assigned' || card.assignee !== null) &&
      (!params.labels?.length || card.labels.some((label) => params.labels?.some((title) => title.toLowerCase() === label.title.toLowerCase()))),
  );
  return { items: kept, details };
};

// GET /conversations: Chatwoot's { data: { meta: counts, payload: conversations } }.
export const listConversationsHandler = async ({ ctx, query }: ApiCall) => {
  const params = query(ZListParams);
  const state = await listStateOf(ctx, params);
  if (!state) return { data: { meta: countsJson(NO_COUNTS), payload: [] } };
  if (params.q) {
    const [found, counts] = await Promise.all([params.page === 1 ? searchedCards(ctx, params) : { items: [], details: new Map() }, countTabs(ctx, state.view, state.query)]);
    return { data: { meta: countsJson(counts), payload: conversationsJson(ctx, found.items, found.details) } };
  }
  const { items, details, counts } = await listPage(ctx, state.view, state.query, params.page);
  return { data: { meta: countsJson(counts), payload: conversationsJson(ctx, items, details ?? new Map()) } };
};

// GET /conversations/meta: the three tab counts for the same parameters.
export const conversationsMetaHandler = async ({ ctx, query }: ApiCall) => {
  const state = await listStateOf(ctx, query(ZListParams));
  return { meta: countsJson(state ? await countTabs(ctx, state.view, state.query) : NO_COUNTS) };
};

// POST /conversations/filter: Chatwoot's filter payload through the filter panel's builder (L4),
// every status and tab, 25 per `page`.
export const filterConversationsHandler = async ({ ctx, query, body }: ApiCall) => {
  const { page } = query(z.object({ page: ZQueryPage }));
  const filter = await chatwootFilter(ctx, await body(ZChatwootFilterPayload));
  const { items, details, counts } = await listPage(ctx, { kind: 'all' }, { tab: 'all', status: 'all', filter }, page);
  return { meta: countsJson(counts), payload: conversationsJson(ctx, items, details ?? new Map()) };
};

// GET /conversations/:conversationId
export const getConversationHandler = async ({ ctx, params }: ApiCall) => conversationJsonById(ctx, await conversationIdOf(ctx, params.conversationId));

const ZCreateConversation = z.object({
  inbox_id: ZDbId,
  contact_id: ZDbId,
  source_id: z.string().max(255).optional(),
  status: z.enum(['open', 'resolved', 'pending']).optional(),
  assignee_id: ZDbId.optional(),
  team_id: ZDbId.optional(),
  message: z.object({ content: z.string() }),
});

// POST /conversations: K1 "Nuevo mensaje" (startConversation: the first message is required here),
// then status, assignee and team, all in one transaction.
export const createConversationHandler = async ({ ctx, body }: ApiCall) => {
  const input = await body(ZCreateConversation);
  const conversationId = await inTransaction(ctx, async (txCtx) => {
    const started = await startConversation(txCtx, { contactId: input.contact_id, inboxId: input.inbox_id, content: input.message.content });
    if (input.assignee_id) await assignAgent(txCtx, { conversationId: started.conversationId, assigneeId: input.assignee_id });
    if (input.team_id) await assignTeam(txCtx, { conversationId: started.conversationId, teamId: input.team_id });
    if (input.status && input.status !== 'open') await changeStatus(txCtx, { conversationId: started.conversationId, status: input.status });
    return started.conversationId;
  });
  return conversationJsonById(ctx, conversationId);
};

const ZToggleStatus = z.object({
  status: z.enum(['open', 'resolved', 'pending', 'snoozed']).optional(),
  snoozed_until: z.coerce.number().int().positive().max(253_402_300_799).nullish(),
});

// POST …/toggle_status: the status given (C1), or open ↔ resolved without one; snoozed with
// `snoozed_until` (Unix seconds) or until the customer's next reply (C2).
export const toggleStatusHandler = async ({ ctx, params, body }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const input = await body(ZToggleStatus);
  const current = await getConversation(ctx, { conversationId });
  const status = input.status ?? (current.status === 'open' ? 'resolved' : 'open');
  const changed =
    status === 'snoozed'
      ? await snoozeConversation(ctx, { conversationId, until: input.snoozed_until ? new Date(input.snoozed_until * 1000) : null })
      : await changeStatus(ctx, { conversationId, status });
  return { meta: {}, payload: { success: true, current_status: changed.status, conversation_id: current.displayId } };
};

// POST …/toggle_priority (and PATCH /conversations/:id with `priority`).
export const togglePriorityHandler = async ({ ctx, params, body }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const { priority } = await body(z.object({ priority: ZPriority.nullable().transform((value) => value ?? 'none') }));
  await setPriority(ctx, { conversationId, priority });
  return conversationJsonById(ctx, conversationId);
};

const ZNullableId = z.union([z.coerce.number().int().min(0).max(2_147_483_647), z.null()]).transform((value) => (value ? value : null));

// POST …/assignments: `assignee_id` (the agent, or null/0 to unassign) wins over `team_id`, as in
// Chatwoot. Answers the assignee (or the team) object.
export const assignmentsHandler = async ({ ctx, params, body }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const input = await body(z.object({ assignee_id: ZNullableId.optional(), team_id: ZNullableId.optional() }));
  if (input.assignee_id !== undefined) {
    await assignAgent(ctx, { conversationId, assigneeId: input.assignee_id });
    const json = await conversationJsonById(ctx, conversationId);
    return json.meta.assignee ?? null;
  }
  if (input.team_id !== undefined) {
    await assignTeam(ctx, { conversationId, teamId: input.team_id });
    const json = await conversationJsonById(ctx, conversationId);
    return json.meta.team ?? null;
  }
  throw new DomainError('INVALID_INPUT', { field: 'assignee_id', reason: 'required' });
};

// POST …/update_last_seen: marks it read for the token's person.
export const updateLastSeenHandler = async ({ ctx, params }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const { lastReadAt } = await markConversationRead(ctx, { conversationId });
  return { id: Number(params.conversationId), agent_last_seen_at: Math.floor(lastReadAt.getTime() / 1000) };
};

// POST …/unread: marks it unread again (from the last customer message).
export const unreadHandler = async ({ ctx, params }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  await markConversationUnread(ctx, { conversationId });
  return conversationJsonById(ctx, conversationId);
};

// POST …/transcript { email }: C4, mailed to that address.
export const transcriptHandler = async ({ ctx, params, body }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const { email } = await body(z.object({ email: z.string() }));
  await sendTranscript(ctx, { conversationId, to: { email } });
  return { success: true };
};
