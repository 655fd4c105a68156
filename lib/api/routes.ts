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
  { method: 'POST', path: '/conversations/filter', handle: conversations.filterConversationsHandler },
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
];
