import type { ChatMessage } from '@/lib/domain/messages/load-chat-messages';
import { signAttachmentLink } from '@/lib/domain/attachments/signed-link';
import { appUrl, linkSecret } from '@/lib/domain/transcripts/send-transcript';
import { unix } from './time';

const MESSAGE_TYPES = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;
const LINK_DAYS = 7;

type Where = { accountId: number; inboxId: number; displayId: number; now: Date };

// Chatwoot's attachment: a signed link for customer-visible messages (opens without signing in,
// 7 days), the session-only address for a private note's file.
const attachmentJson = (file: ChatMessage['attachments'][number], message: ChatMessage, where: Where) => ({
  id: file.id,
  message_id: message.id,
  account_id: where.accountId,
  file_type: file.kind,
  extension: file.fileName.includes('.') ? file.fileName.split('.').pop() : null,
  file_name: file.fileName,
  content_type: file.mimeType,
  file_size: file.size,
  data_url: message.private
    ? `${appUrl()}/api/attachments/${file.id}`
    : signAttachmentLink({ appUrl: appUrl(), attachmentId: file.id, expiresAt: new Date(where.now.getTime() + LINK_DAYS * 86_400_000), secret: linkSecret() }),
  thumb_url: '',
});

// Chatwoot's message object (application API): message_type as 0 incoming, 1 outgoing, 2 activity,
// 3 template; sender_type contact / agent (null for the system's activity lines).
export const messageJson = (message: ChatMessage, where: Where) => {
  const senderType = message.senderType === 'contact' ? 'contact' : message.senderType === 'agent' ? 'agent' : null;
  return {
    id: message.id,
    content: message.content ?? '',
    account_id: where.accountId,
    inbox_id: where.inboxId,
    conversation_id: where.displayId,
    message_type: MESSAGE_TYPES[message.messageType],
    content_type: 'text',
    content_attributes: message.contentAttributes ?? {},
    created_at: unix(message.createdAt),
    private: message.private,
    status: message.status === 'sending' ? 'sent' : message.status,
    source_id: null,
    sender_type: senderType,
    sender_id: senderType ? message.senderId : null,
    sender: senderType ? { id: message.senderId, name: message.senderName ?? '', type: senderType === 'agent' ? 'user' : 'contact' } : null,
    attachments: message.attachments.map((file) => attachmentJson(file, message, where)),
  };
};
