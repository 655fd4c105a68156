import type { ConversationDetails } from '@/lib/domain/conversations/conversation-details';
import type { PreviewCard } from '@/lib/domain/conversations/list/load-preview-cards';
import { unix } from './time';

const CHANNELS = { api: 'Channel::Api', email: 'Channel::Email', website: 'Channel::WebWidget' } as const;

// Chatwoot's sender (the contact) as a conversation's meta carries it.
const senderJson = (card: PreviewCard, details: ConversationDetails | undefined) => ({
  id: card.contact.id,
  name: card.contact.name,
  email: card.contact.email,
  phone_number: card.contact.phone,
  thumbnail: card.contact.avatarUrl ?? '',
  identifier: details?.contact.identifier ?? null,
  additional_attributes: {},
  custom_attributes: details?.contact.customAttributes ?? {},
  availability_status: 'offline',
  blocked: false,
  last_activity_at: unix(details?.contact.lastActivityAt),
  created_at: unix(details?.contact.createdAt),
});

// The assignee as Chatwoot's user object (the parts we keep).
export const assigneeJson = (assignee: NonNullable<PreviewCard['assignee']>) => ({
  id: assignee.id,
  name: assignee.name,
  available_name: assignee.name,
  avatar_url: assignee.avatarUrl ?? '',
  thumbnail: assignee.avatarUrl ?? '',
  type: 'user',
});

// Chatwoot's conversation object: `id` is the display number (#123), `uuid` the public id; labels are
// titles; every time is Unix seconds. `messages` holds the last message, as Chatwoot's list does.
export const conversationJson = (card: PreviewCard, details: ConversationDetails | undefined, accountId: number, lastMessage?: unknown) => ({
  id: card.displayId,
  uuid: details?.uuid ?? '',
  account_id: accountId,
  inbox_id: card.inbox.id,
  status: card.status,
  priority: card.priority === 'none' ? null : card.priority,
  labels: card.labels.map((label) => label.title),
  muted: details?.muted ?? false,
  can_reply: true,
  snoozed_until: unix(card.snoozedUntil),
  additional_attributes: {},
  custom_attributes: details?.customAttributes ?? {},
  agent_last_seen_at: unix(details?.agentLastSeenAt) ?? 0,
  assignee_last_seen_at: unix(details?.agentLastSeenAt) ?? 0,
  contact_last_seen_at: unix(details?.contactLastSeenAt) ?? 0,
  created_at: unix(card.createdAt),
  updated_at: unix(details?.updatedAt ?? card.lastActivityAt),
  timestamp: String(unix(card.lastActivityAt)),
  last_activity_at: unix(card.lastActivityAt),
  first_reply_created_at: unix(card.firstReplyAt) ?? 0,
  waiting_since: unix(card.waitingSince) ?? 0,
  unread_count: card.unreadCount,
  team_id: card.team?.id ?? null,
  ...(lastMessage ? { messages: [lastMessage], last_non_activity_message: lastMessage } : { messages: [] }),
  meta: {
    sender: senderJson(card, details),
    assignee: card.assignee ? assigneeJson(card.assignee) : null,
    team: card.team ? { id: card.team.id, name: card.team.name } : null,
    channel: CHANNELS[card.inbox.channelType],
    hmac_verified: false,
  },
});
