import * as settings from './handlers/account-settings';
import * as conversations from './handlers/conversations';
import * as parts from './handlers/conversation-parts';
import * as messages from './handlers/messages';
import type { ApiRoute } from './router';

// Every endpoint of the application API, under /api/v1/accounts/{account_id}. Paths and names are
// Chatwoot's; `:conversationId` is the display number. README "API" lists what is not here.
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/conversations', handle: conversations.listConversationsHandler },
  { method: 'POST', path: '/conversations', handle: conversations.createConversationHandler },
  { method: 'GET', path: '/conversations/meta', handle: conversations.conversationsMetaHandler },
  { method: 'POST', path: '/conversations/filter', handle: conversations.filterConversationsHandler, invalidStatus: 400 },
  { method: 'GET', path: '/conversations/:conversationId', handle: conversations.getConversationHandler },
  { method: 'PATCH', path: '/conversations/:conversationId', handle: conversations.togglePriorityHandler },
  { method: 'POST', path: '/conversations/:conversationId/toggle_status', handle: conversations.toggleStatusHandler },
  { method: 'POST', path: '/conversations/:conversationId/toggle_priority', handle: conversations.togglePriorityHandler },
  { method: 'POST', path: '/conversations/:conversationId/assignments', handle: conversations.assignmentsHandler },
  { method: 'POST', path: '/conversations/:conversationId/update_last_seen', handle: conversations.updateLastSeenHandler },
  { method: 'POST', path: '/conversations/:conversationId/unread', handle: conversations.unreadHandler },
  { method: 'POST', path: '/conversations/:conversationId/transcript', handle: conversations.transcriptHandler },
  { method: 'GET', path: '/conversations/:conversationId/labels', handle: parts.listConversationLabelsHandler },
  { method: 'POST', path: '/conversations/:conversationId/labels', handle: parts.setConversationLabelsHandler },
  { method: 'POST', path: '/conversations/:conversationId/custom_attributes', handle: parts.setConversationAttributesHandler },
  { method: 'GET', path: '/conversations/:conversationId/participants', handle: parts.listParticipantsHandler },
  { method: 'POST', path: '/conversations/:conversationId/participants', handle: parts.addParticipantsHandler },
  { method: 'DELETE', path: '/conversations/:conversationId/participants', handle: parts.removeParticipantsHandler },
  { method: 'GET', path: '/conversations/:conversationId/messages', handle: messages.listMessagesHandler },
  { method: 'POST', path: '/conversations/:conversationId/messages', handle: messages.createMessageHandler },
  { method: 'GET', path: '/agents', handle: settings.listAgentsHandler },
  { method: 'GET', path: '/inboxes', handle: settings.listInboxesHandler },
  { method: 'GET', path: '/inboxes/:inboxId', handle: settings.getInboxHandler },
  { method: 'GET', path: '/inbox_members/:inboxId', handle: settings.listInboxMembersHandler },
  { method: 'POST', path: '/inbox_members', handle: settings.addInboxMembersHandler },
  { method: 'DELETE', path: '/inbox_members', handle: settings.removeInboxMembersHandler },
  { method: 'GET', path: '/teams', handle: settings.listTeamsHandler },
  { method: 'GET', path: '/teams/:teamId', handle: settings.getTeamHandler },
  { method: 'GET', path: '/teams/:teamId/team_members', handle: settings.listTeamMembersHandler },
  { method: 'POST', path: '/teams/:teamId/team_members', handle: settings.addTeamMembersHandler },
  { method: 'DELETE', path: '/teams/:teamId/team_members', handle: settings.removeTeamMembersHandler },
  { method: 'GET', path: '/labels', handle: settings.listLabelsHandler },
  { method: 'POST', path: '/labels', handle: settings.createLabelHandler },
  { method: 'GET', path: '/labels/:labelId', handle: settings.getLabelHandler },
  { method: 'PATCH', path: '/labels/:labelId', handle: settings.updateLabelHandler },
  { method: 'DELETE', path: '/labels/:labelId', handle: settings.deleteLabelHandler },
  { method: 'GET', path: '/canned_responses', handle: settings.listCannedResponsesHandler },
  { method: 'POST', path: '/canned_responses', handle: settings.createCannedResponseHandler },
  { method: 'PATCH', path: '/canned_responses/:cannedResponseId', handle: settings.updateCannedResponseHandler },
  { method: 'DELETE', path: '/canned_responses/:cannedResponseId', handle: settings.deleteCannedResponseHandler },
  { method: 'GET', path: '/custom_attribute_definitions', handle: settings.listAttributeDefinitionsHandler },
  { method: 'POST', path: '/custom_attribute_definitions', handle: settings.createAttributeDefinitionHandler },
  { method: 'GET', path: '/custom_attribute_definitions/:definitionId', handle: settings.getAttributeDefinitionHandler },
  { method: 'PATCH', path: '/custom_attribute_definitions/:definitionId', handle: settings.updateAttributeDefinitionHandler },
  { method: 'DELETE', path: '/custom_attribute_definitions/:definitionId', handle: settings.deleteAttributeDefinitionHandler },
  { method: 'GET', path: '/webhooks', handle: settings.listWebhooksHandler },
  { method: 'POST', path: '/webhooks', handle: settings.createWebhookHandler },
  { method: 'PATCH', path: '/webhooks/:webhookId', handle: settings.updateWebhookHandler },
  { method: 'DELETE', path: '/webhooks/:webhookId', handle: settings.deleteWebhookHandler },
  { method: 'GET', path: '/macros', handle: settings.listMacrosHandler },
  { method: 'POST', path: '/macros/:macroId/execute', handle: settings.executeMacroHandler },
];

// /api/v1/profile: no account in the path.
export const PROFILE_ROUTES: readonly ApiRoute[] = [{ method: 'GET', path: '/profile', handle: settings.profileHandler }];
