import { findConversationByDisplayId, type ConversationDetails } from '@/lib/domain/conversations/conversation-details';
import { loadPreviewCardsWithDetails, type PreviewCard } from '@/lib/domain/conversations/list/load-preview-cards';
import type { Ctx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';
import { conversationJson } from './serializers/conversation-json';
import { unix } from './serializers/time';

const MESSAGE_TYPES = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;

// The card's last message as the `messages` entry Chatwoot's list carries (its excerpt as content).
const lastMessageJson = (card: PreviewCard, accountId: number) =>
  card.lastMessage
    ? {
        id: card.lastMessage.id,
        content: card.lastMessage.excerpt,
        account_id: accountId,
        inbox_id: card.inbox.id,
        conversation_id: card.displayId,
        message_type: MESSAGE_TYPES[card.lastMessage.messageType],
        content_type: 'text',
        content_attributes: {},
        created_at: unix(card.lastMessage.createdAt),
        private: card.lastMessage.private,
        sender_type: card.lastMessage.senderType === 'contact' ? 'contact' : card.lastMessage.senderType === 'agent' ? 'agent' : null,
      }
    : undefined;

// Chatwoot conversation objects for the given conversations, in the given order: the list's preview
// cards (L6) plus the details the API carries (uuid, attributes, read state), loaded with them
// (loadPreviewCardsWithDetails, listConversations' withDetails).
export const conversationsJson = (ctx: Ctx, cards: PreviewCard[], details: Map<number, ConversationDetails>) =>
  cards.map((card) => conversationJson(card, details.get(card.id), ctx.actor.accountId, lastMessageJson(card, ctx.actor.accountId)));

export const conversationsJsonByIds = async (ctx: Ctx, ids: number[]) => {
  const { items, details } = await loadPreviewCardsWithDetails(ctx, ids);
  return conversationsJson(ctx, items, details);
};

// One conversation by its display number, as Chatwoot's conversation object (NOT_FOUND when the
// actor may not see it).
export const conversationJsonById = async (ctx: Ctx, conversationId: number) => {
  const [json] = await conversationsJsonByIds(ctx, [conversationId]);
  if (!json) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  return json;
};

// The path's `:conversationId` (a display number) as the internal id the domain takes.
export const conversationIdOf = async (ctx: Ctx, param: string | undefined): Promise<number> => {
  const displayId = /^\d{1,10}$/.test(param ?? '') ? Number(param) : NaN;
  const id = await findConversationByDisplayId(ctx, displayId);
  if (id === null) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  return id;
};
