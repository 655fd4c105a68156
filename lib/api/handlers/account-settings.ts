import { z } from 'zod';
import { listAccountAgents } from '@/lib/domain/agents/list-account-agents';
import { createCannedResponse } from '@/lib/domain/canned-responses/create-canned-response';
import { deleteCannedResponse } from '@/lib/domain/canned-responses/delete-canned-response';
import { listCannedResponses } from '@/lib/domain/canned-responses/list-canned-responses';
import { updateCannedResponse } from '@/lib/domain/canned-responses/update-canned-response';
import { createAttributeDefinition } from '@/lib/domain/custom-attributes/create-attribute-definition';
import { deleteAttributeDefinition } from '@/lib/domain/custom-attributes/delete-attribute-definition';
import { listAttributeDefinitions } from '@/lib/domain/custom-attributes/list-attribute-definitions';
import { updateAttributeDefinition } from '@/lib/domain/custom-attributes/update-attribute-definition';
import { DomainError } from '@/lib/domain/errors';
import { addInboxMember, removeInboxMember } from '@/lib/domain/inboxes/change-inbox-member';
import { listInboxAgents } from '@/lib/domain/inboxes/list-inbox-agents';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';
import { createLabel } from '@/lib/domain/labels/create-label';
import { deleteLabel } from '@/lib/domain/labels/delete-label';
import { listLabels } from '@/lib/domain/labels/list-labels';
import { updateLabel } from '@/lib/domain/labels/update-label';
import { listMacros } from '@/lib/domain/macros/list-macros';
import { runMacro } from '@/lib/domain/macros/run-macro';
import { addTeamMember, removeTeamMember } from '@/lib/domain/teams/change-team-member';
import { listTeamSettings } from '@/lib/domain/teams/list-team-settings';
import { listTeams } from '@/lib/domain/teams/list-teams';
import { inTransaction } from '@/lib/domain/transactions/in-transaction';
import { getProfile } from '@/lib/domain/users/get-profile';
import { listAgents } from '@/lib/domain/users/list-agents';
import { createWebhook, deleteWebhook, listWebhooks, updateWebhook } from '@/lib/domain/webhooks/manage-webhooks';
import { pathIdOf, type ApiCall } from '../api-call';
import { conversationIdOf } from '../conversation-payload';
import { agentJson, attributeDefinitionJson, cannedResponseJson, inboxJson, labelJson, teamJson, webhookJson } from '../serializers/account-json';
import { ZDbId } from '@/lib/domain/request-values';

// GET /api/v1/profile: the token's person, as Chatwoot's user object.
export const profileHandler = async ({ ctx }: ApiCall) => {
  const profile = await getProfile(ctx);
  return {
    id: profile.id,
    name: profile.name,
    display_name: profile.name,
    available_name: profile.name,
    email: profile.email,
    avatar_url: profile.avatarUrl ?? '',
    account_id: ctx.actor.accountId,
    role: profile.role,
    confirmed: true,
    ui_settings: {},
    accounts: [{ id: ctx.actor.accountId, name: profile.accountName, role: profile.role, active_at: null }],
  };
};

// GET /agents: administrators get emails and roles (settings' list), agents the assignee list.
export const listAgentsHandler = async ({ ctx }: ApiCall) => {
  if (ctx.actor.role === 'administrator') return (await listAccountAgents(ctx)).map((agent) => agentJson(agent, ctx.actor.accountId));
  return (await listAgents(ctx)).map((agent) => agentJson(agent, ctx.actor.accountId));
};

// GET /inboxes: { payload: inboxes the actor may see }.
export const listInboxesHandler = async ({ ctx }: ApiCall) => ({ payload: (await listInboxes(ctx)).map((inbox) => inboxJson(inbox, ctx.actor.accountId)) });

export const getInboxHandler = async ({ ctx, params }: ApiCall) => {
  const inboxId = pathIdOf(params.inboxId);
  const inbox = (await listInboxes(ctx)).find((candidate) => candidate.id === inboxId);
  if (!inbox) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  return inboxJson(inbox, ctx.actor.accountId);
};

// GET /inbox_members/:inboxId: { payload: agents of the inbox }.
export const listInboxMembersHandler = async ({ ctx, params }: ApiCall) => {
  const inboxId = pathIdOf(params.inboxId);
  if (!ctx.actor.inboxIds.includes(inboxId)) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  return { payload: (await listInboxAgents(ctx, { inboxId })).map((agent) => agentJson(agent, ctx.actor.accountId)) };
};

const ZMembersBody = z.object({ inbox_id: ZDbId, user_ids: z.array(ZDbId).min(1).max(100) });

// POST / DELETE /inbox_members { inbox_id, user_ids }: administrators, in one transaction.
export const addInboxMembersHandler = async ({ ctx, body }: ApiCall) => {
  const { inbox_id: inboxId, user_ids: userIds } = await body(ZMembersBody);
  await inTransaction(ctx, async (txCtx) => {
    for (const userId of userIds) await addInboxMember(txCtx, { inboxId, userId });
  });
  return { payload: (await listInboxAgents(ctx, { inboxId })).map((agent) => agentJson(agent, ctx.actor.accountId)) };
};

export const removeInboxMembersHandler = async ({ ctx, body }: ApiCall) => {
  const { inbox_id: inboxId, user_ids: userIds } = await body(ZMembersBody);
  await inTransaction(ctx, async (txCtx) => {
    for (const userId of userIds) await removeInboxMember(txCtx, { inboxId, userId });
  });
  return { payload: (await listInboxAgents(ctx, { inboxId })).map((agent) => agentJson(agent, ctx.actor.accountId)) };
};

// GET /teams: every team of the account (is_member: the token's person is in it).
export const listTeamsHandler = async ({ ctx }: ApiCall) =>
  (await listTeams(ctx)).map((team) => teamJson(team, ctx.actor.accountId, ctx.actor.teamIds.includes(team.id)));

export const getTeamHandler = async ({ ctx, params }: ApiCall) => {
  const teamId = pathIdOf(params.teamId);
  const team = (await listTeams(ctx)).find((candidate) => candidate.id === teamId);
  if (!team) throw new DomainError('NOT_FOUND', { entity: 'team' });
  return teamJson(team, ctx.actor.accountId, ctx.actor.teamIds.includes(team.id));
};

// GET /teams/:teamId/team_members (administrators: the settings' member list).
export const listTeamMembersHandler = async ({ ctx, params }: ApiCall) => {
  const teamId = pathIdOf(params.teamId);
  const team = (await listTeamSettings(ctx)).find((candidate) => candidate.id === teamId);
  if (!team) throw new DomainError('NOT_FOUND', { entity: 'team' });
  return team.members.map((member) => agentJson(member, ctx.actor.accountId));
};

const ZUserIds = z.object({ user_ids: z.array(ZDbId).min(1).max(100) });

const changeTeamMembers = (mode: 'add' | 'remove') => async (call: ApiCall) => {
  const teamId = pathIdOf(call.params.teamId);
  const { user_ids: userIds } = await call.body(ZUserIds);
  await inTransaction(call.ctx, async (txCtx) => {
    for (const userId of userIds) await (mode === 'add' ? addTeamMember : removeTeamMember)(txCtx, { teamId, userId });
  });
  return listTeamMembersHandler(call);
};
export const addTeamMembersHandler = changeTeamMembers('add');
export const removeTeamMembersHandler = changeTeamMembers('remove');

// Labels (administrators write; everyone lists): { payload } like Chatwoot.
const ZLabelBody = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  color: z.string().optional(),
  show_on_sidebar: z.boolean().optional(),
});
export const listLabelsHandler = async ({ ctx }: ApiCall) => ({ payload: (await listLabels(ctx)).map(labelJson) });
export const getLabelHandler = async ({ ctx, params }: ApiCall) => {
  const labelId = pathIdOf(params.labelId);
  const label = (await listLabels(ctx)).find((candidate) => candidate.id === labelId);
  if (!label) throw new DomainError('NOT_FOUND', { entity: 'label' });
  return labelJson(label);
};
export const createLabelHandler = async ({ ctx, body }: ApiCall) => {
  const input = await body(ZLabelBody);
  return labelJson(await createLabel(ctx, { title: input.title ?? '', description: input.description, color: input.color ?? '#1f93ff', showOnSidebar: input.show_on_sidebar }));
};
export const updateLabelHandler = async ({ ctx, params, body }: ApiCall) => {
  const input = await body(ZLabelBody);
  return labelJson(await updateLabel(ctx, { labelId: pathIdOf(params.labelId), title: input.title, description: input.description, color: input.color, showOnSidebar: input.show_on_sidebar }));
};
export const deleteLabelHandler = async ({ ctx, params }: ApiCall) => {
  await deleteLabel(ctx, { labelId: pathIdOf(params.labelId) });
  return null;
};

// Canned responses.
const ZCannedBody = z.object({ short_code: z.string().optional(), content: z.string().optional() });
export const listCannedResponsesHandler = async ({ ctx }: ApiCall) => (await listCannedResponses(ctx)).map((canned) => cannedResponseJson(canned, ctx.actor.accountId));
export const createCannedResponseHandler = async ({ ctx, body }: ApiCall) => {
  const input = await body(ZCannedBody);
  return cannedResponseJson(await createCannedResponse(ctx, { shortCode: input.short_code ?? '', content: input.content ?? '' }), ctx.actor.accountId);
};
export const updateCannedResponseHandler = async ({ ctx, params, body }: ApiCall) => {
  const input = await body(ZCannedBody);
  const updated = await updateCannedResponse(ctx, { cannedResponseId: pathIdOf(params.cannedResponseId), shortCode: input.short_code, content: input.content });
  return cannedResponseJson(updated, ctx.actor.accountId);
};
export const deleteCannedResponseHandler = async ({ ctx, params }: ApiCall) => {
  await deleteCannedResponse(ctx, { cannedResponseId: pathIdOf(params.cannedResponseId) });
  return null;
};

// Custom attribute definitions. attribute_model: 0 / "conversation_attribute" or 1 / "contact_attribute".
const ZModel = z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1'), z.enum(['conversation_attribute', 'contact_attribute'])]).transform((value) =>
  value === 1 || value === '1' || value === 'contact_attribute' ? ('contact' as const) : ('conversation' as const),
);
const ZAttributeBody = z.object({
  attribute_display_name: z.string().optional(),
  attribute_display_type: z.union([z.string(), z.number()]).optional(),
  attribute_description: z.string().optional(),
  attribute_key: z.string().optional(),
  attribute_values: z.array(z.unknown()).optional(),
  attribute_model: ZModel.optional(),
  regex_pattern: z.string().optional(),
  regex_cue: z.string().optional(),
});
// Chatwoot's display types by number (its enum order) or name; currency and percent are numbers here.
const DISPLAY_TYPES = ['text', 'number', 'currency', 'percent', 'link', 'date', 'list', 'checkbox'];
const attributeType = (value: string | number | undefined) => {
  const name = typeof value === 'number' ? DISPLAY_TYPES[value] : value;
  return name === 'currency' || name === 'percent' ? 'number' : (name ?? 'text');
};
export const listAttributeDefinitionsHandler = async ({ ctx, query }: ApiCall) => {
  const { attribute_model: model } = query(z.object({ attribute_model: ZModel.optional().catch(undefined) }));
  const definitions = await listAttributeDefinitions(ctx, { model: model ?? 'conversation' });
  return definitions.map(attributeDefinitionJson);
};
export const getAttributeDefinitionHandler = async ({ ctx, params }: ApiCall) => {
  const id = pathIdOf(params.definitionId);
  const all = await listAttributeDefinitions(ctx, {});
  const definition = all.find((candidate) => candidate.id === id);
  if (!definition) throw new DomainError('NOT_FOUND', { entity: 'attribute_definition' });
  return attributeDefinitionJson(definition);
};
export const createAttributeDefinitionHandler = async ({ ctx, body }: ApiCall) => {
  const input = await body(ZAttributeBody);
  const created = await createAttributeDefinition(ctx, {
    model: input.attribute_model ?? 'conversation',
    displayName: input.attribute_display_name ?? '',
    key: input.attribute_key,
    type: attributeType(input.attribute_display_type) as 'text',
    description: input.attribute_description,
    // Chatwoot ignores values on other types (its own example sends them with a text type).
    listValues: attributeType(input.attribute_display_type) === 'list' ? input.attribute_values : undefined,
    regexPattern: attributeType(input.attribute_display_type) === 'text' ? input.regex_pattern : undefined,
    regexHint: attributeType(input.attribute_display_type) === 'text' ? input.regex_cue : undefined,
  });
  return attributeDefinitionJson(created);
};
export const updateAttributeDefinitionHandler = async ({ ctx, params, body }: ApiCall) => {
  const input = await body(ZAttributeBody);
  const definitionId = pathIdOf(params.definitionId);
  const current = (await listAttributeDefinitions(ctx, {})).find((candidate) => candidate.id === definitionId);
  if (!current) throw new DomainError('NOT_FOUND', { entity: 'attribute_definition' });
  const updated = await updateAttributeDefinition(ctx, {
    definitionId,
    displayName: input.attribute_display_name,
    description: input.attribute_description,
    listValues: current.type === 'list' ? input.attribute_values : undefined,
    regexPattern: current.type === 'text' ? input.regex_pattern : undefined,
    regexHint: current.type === 'text' ? input.regex_cue : undefined,
  });
  return attributeDefinitionJson(updated);
};
export const deleteAttributeDefinitionHandler = async ({ ctx, params }: ApiCall) => {
  await deleteAttributeDefinition(ctx, { definitionId: pathIdOf(params.definitionId) });
  return null;
};

// Webhooks (account-level; administrators): a list and webhook objects, as the swagger gives them.
const ZWebhookBody = z.object({ url: z.string().optional(), subscriptions: z.array(z.string()).optional(), inbox_id: ZDbId.nullish() });
export const listWebhooksHandler = async ({ ctx }: ApiCall) => (await listWebhooks(ctx)).map((hook) => webhookJson(hook, ctx.actor.accountId));
export const createWebhookHandler = async ({ ctx, body }: ApiCall) => {
  const input = await body(ZWebhookBody);
  const created = await createWebhook(ctx, { url: input.url ?? '', inboxId: input.inbox_id ?? undefined, subscriptions: (input.subscriptions ?? []) as never });
  return webhookJson(created, ctx.actor.accountId);
};
export const updateWebhookHandler = async ({ ctx, params, body }: ApiCall) => {
  const input = await body(ZWebhookBody);
  const webhookId = pathIdOf(params.webhookId);
  const current = (await listWebhooks(ctx)).find((hook) => hook.id === webhookId);
  if (!current) throw new DomainError('NOT_FOUND', { entity: 'webhook' });
  const updated = await updateWebhook(ctx, {
    webhookId,
    url: input.url ?? current.url,
    inboxId: input.inbox_id === undefined ? (current.inboxId ?? undefined) : (input.inbox_id ?? undefined),
    subscriptions: (input.subscriptions ?? current.subscriptions) as never,
  });
  return webhookJson(updated, ctx.actor.accountId);
};
export const deleteWebhookHandler = async ({ ctx, params }: ApiCall) => {
  await deleteWebhook(ctx, { webhookId: pathIdOf(params.webhookId) });
  return null;
};

// Macros: the ones the actor may run; execute runs one on each conversation (display numbers).
export const listMacrosHandler = async ({ ctx }: ApiCall) => ({
  payload: (await listMacros(ctx)).map((macro) => ({
    id: macro.id,
    name: macro.name,
    visibility: macro.visibility,
    created_by: macro.createdById === null ? null : { id: macro.createdById, name: macro.createdByName },
    actions: macro.steps,
  })),
});
export const executeMacroHandler = async ({ ctx, params, body }: ApiCall) => {
  const macroId = pathIdOf(params.macroId);
  const { conversation_ids: displayIds } = await body(z.object({ conversation_ids: z.array(ZDbId).min(1).max(100) }));
  // Each conversation is its own run (one transaction each, as from the chat's macro menu).
  for (const displayId of displayIds) await runMacro(ctx, { macroId, conversationId: await conversationIdOf(ctx, String(displayId)) });
  return { message: 'Macro execution completed' };
};
