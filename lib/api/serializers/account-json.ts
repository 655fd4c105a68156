import type { CustomAttributeDefinition, Label } from '@/db/schema';
import type { CannedResponse } from '@/lib/domain/canned-responses/canned-response-schemas';
import { unix } from './time';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

// Chatwoot's agent object (GET /agents, assignees).
export const agentJson = (
  agent: { id: number; name: string; email?: string | null; role?: string; avatarUrl?: string | null; availability?: string; active?: boolean },
  accountId: number,
) => ({
  id: agent.id,
  account_id: accountId,
  name: agent.name,
  available_name: agent.name,
  email: agent.email ?? null,
  role: agent.role ?? 'agent',
  availability_status: agent.availability === 'online' ? 'available' : (agent.availability ?? 'offline'),
  auto_offline: true,
  confirmed: agent.active ?? true,
  thumbnail: agent.avatarUrl ?? '',
  custom_role_id: null,
});

const CHANNEL_TYPES = { api: 'Channel::Api', email: 'Channel::Email', website: 'Channel::WebWidget' } as const;

// Chatwoot's inbox object, the parts we have.
export const inboxJson = (inbox: { id: number; name: string; channelType: 'website' | 'api' | 'email' }, accountId: number) => ({
  id: inbox.id,
  account_id: accountId,
  name: inbox.name,
  channel_type: CHANNEL_TYPES[inbox.channelType],
  avatar_url: '',
  enable_auto_assignment: false,
  greeting_enabled: false,
  working_hours_enabled: false,
  allow_messages_after_resolved: true,
});

export const teamJson = (team: { id: number; name: string; description?: string | null }, accountId: number, isMember: boolean) => ({
  id: team.id,
  name: team.name,
  description: team.description ?? '',
  allow_auto_assign: false,
  account_id: accountId,
  is_member: isMember,
});

export const labelJson = (label: Label) => ({
  id: label.id,
  title: label.title,
  description: label.description ?? '',
  color: label.color,
  show_on_sidebar: label.showOnSidebar,
});

export const cannedResponseJson = (canned: Pick<CannedResponse, 'id' | 'shortCode' | 'content'> & { createdAt?: Date }, accountId: number) => ({
  id: canned.id,
  account_id: accountId,
  short_code: canned.shortCode,
  content: canned.content,
  created_at: iso(canned.createdAt),
  updated_at: iso(canned.createdAt),
});

// attribute_model: Chatwoot's conversation_attribute / contact_attribute (0 / 1 in its requests).
export const attributeDefinitionJson = (definition: CustomAttributeDefinition) => ({
  id: definition.id,
  attribute_display_name: definition.displayName,
  attribute_display_type: definition.type,
  attribute_description: definition.description ?? '',
  attribute_key: definition.key,
  regex_pattern: definition.regexPattern,
  regex_cue: definition.regexHint,
  attribute_values: definition.listValues,
  attribute_model: `${definition.model}_attribute`,
  default_value: null,
  created_at: iso(definition.createdAt),
  updated_at: iso(definition.createdAt),
});

export const webhookJson = (webhook: { id: number; url: string; subscriptions: string[]; inboxId: number | null; createdAt?: Date }, accountId: number) => ({
  id: webhook.id,
  url: webhook.url,
  name: null,
  subscriptions: webhook.subscriptions,
  account_id: accountId,
  inbox_id: webhook.inboxId,
  created_at: unix(webhook.createdAt),
});
