import { z } from 'zod';
import { discardUploads } from '@/lib/domain/attachments/discard-uploads';
import { storeUpload } from '@/lib/domain/attachments/store-upload';
import { getConversation } from '@/lib/domain/conversations/get-conversation';
import { DomainError } from '@/lib/domain/errors';
import { deleteMessage } from '@/lib/domain/messages/delete-message';
import { listMessages } from '@/lib/domain/messages/list-messages';
import { loadChatMessages } from '@/lib/domain/messages/load-chat-messages';
import { sendMessage, type TSendMessageInput } from '@/lib/domain/messages/send-message';
import { pathIdOf, zFormBoolean, type ApiCall, type ApiFile } from '../api-call';
import { conversationIdOf, conversationJsonById } from '../conversation-payload';
import { messageJson } from '../serializers/message-json';
import { ZOptionalDbId } from '@/lib/domain/request-values';

// The files Chatwoot's clients send with one message (`attachments[]`).
const MAX_FILES = 5;

const ZBefore = z.object({ before: ZOptionalDbId });

// GET …/messages?before=<message id>: a page of messages (oldest first, up to 50, ending before
// `before`), with Chatwoot's meta (labels, contact, assignee, read marks).
export const listMessagesHandler = async ({ ctx, params, query }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const { before } = query(ZBefore);
  const conversation = await getConversation(ctx, { conversationId });
  const [page, json] = await Promise.all([listMessages(ctx, { conversationId, beforeId: before }), conversationJsonById(ctx, conversationId)]);
  const where = { accountId: conversation.accountId, inboxId: conversation.inboxId, displayId: conversation.displayId, now: ctx.now() };
  return {
    meta: {
      labels: json.labels,
      additional_attributes: {},
      contact: json.meta.sender,
      assignee: json.meta.assignee,
      agent_last_seen_at: json.agent_last_seen_at ? new Date(json.agent_last_seen_at * 1000).toISOString() : null,
      assignee_last_seen_at: json.assignee_last_seen_at ? new Date(json.assignee_last_seen_at * 1000).toISOString() : null,
    },
    payload: page.messages.map((message) => messageJson(message, where)),
  };
};

const ZCreateMessage = z.object({
  content: z.string().max(20_000).optional(),
  private: z.union([z.boolean(), zFormBoolean]).optional(),
  message_type: z.enum(['outgoing', 'incoming']).optional(),
  content_type: z.enum(['text', 'input_email', 'input_select', 'cards', 'form', 'article', 'input_csat']).optional(),
  echo_id: z.string().max(100).optional(),
});

// Each file stored like an upload, then sent with the message; when a file or the send is refused,
// the files already stored are discarded (storage is outside the send's transaction).
const sendWithFiles = async (ctx: ApiCall['ctx'], message: Omit<TSendMessageInput, 'attachmentIds'> & { conversationId: number }, files: ApiFile[]) => {
  const attachmentIds: number[] = [];
  try {
    for (const file of files) {
      const stored = await storeUpload(ctx, {
        conversationId: message.conversationId,
        fileName: file.fileName || 'file',
        declaredType: file.mimeType ?? undefined,
        stream: new Blob([file.data as Uint8Array<ArrayBuffer>]).stream(),
      });
      attachmentIds.push(stored.id);
    }
    return await sendMessage(ctx, { ...message, attachmentIds });
  } catch (error) {
    await discardUploads(ctx, attachmentIds);
    throw error;
  }
};

// POST …/messages: an agent's reply or private note (W1, B5), JSON or multipart with
// `attachments[]` (W3/W4: each file stored like an upload, then linked by the send, so mentions,
// notifications, realtime and webhooks are the composer's). Chatwoot's API may post `incoming`
// messages as the contact; here only agents write (INVALID_INPUT reason incoming_not_allowed: the
// client API is the customer's way in). Only `text` content is stored as such. Files go to storage,
// which no transaction covers: the conversation is checked first (404 before anything is stored),
// and the files of a send refused afterwards are discarded, so a refused request stores nothing.
export const createMessageHandler = async ({ ctx, params, body, multipart }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const input = await body(ZCreateMessage);
  if (input.message_type === 'incoming') throw new DomainError('INVALID_INPUT', { field: 'message_type', reason: 'incoming_not_allowed' });
  if (input.content_type && input.content_type !== 'text') throw new DomainError('INVALID_INPUT', { field: 'content_type', reason: 'unsupported' });
  const files = (await multipart())?.files ?? [];
  if (files.length > MAX_FILES) throw new DomainError('INVALID_INPUT', { field: 'attachments', reason: 'too_many', max: MAX_FILES });
  const conversation = await getConversation(ctx, { conversationId });
  const sent = await sendWithFiles(ctx, { conversationId, content: input.content ?? '', private: input.private ?? false, echoId: input.echo_id }, files);
  const [message] = await loadChatMessages(ctx, [sent.id]);
  return messageJson(message ?? sent, { accountId: conversation.accountId, inboxId: conversation.inboxId, displayId: conversation.displayId, now: ctx.now() });
};

// DELETE …/messages/:messageId: Chatwoot's delete (the message stays, "This message was deleted",
// attachments gone; message_updated webhook and realtime), answered with the message as it is now.
export const deleteMessageHandler = async ({ ctx, params }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const messageId = pathIdOf(params.messageId, 'message');
  await deleteMessage(ctx, { conversationId, messageId });
  const [conversation, [message]] = await Promise.all([getConversation(ctx, { conversationId }), loadChatMessages(ctx, [messageId])]);
  if (!message) throw new DomainError('NOT_FOUND', { entity: 'message' });
  return messageJson(message, { accountId: conversation.accountId, inboxId: conversation.inboxId, displayId: conversation.displayId, now: ctx.now() });
};
