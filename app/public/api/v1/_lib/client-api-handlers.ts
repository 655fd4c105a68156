import { z } from 'zod';
import { createApiContact, getApiContact, updateApiContact, ZApiContactInput } from '@/lib/domain/channels/api/api-contact';
import type { ApiContact } from '@/lib/domain/channels/api/api-inbox';
import {
  createApiConversation,
  getApiConversation,
  listApiConversations,
  listApiMessages,
  markApiConversationSeen,
  postApiMessage,
  resolveApiConversation,
  toggleApiTyping,
  ZApiConversationInput,
  ZApiMessageInput,
  ZApiTypingInput,
} from '@/lib/domain/channels/api/client-api';
import { updateApiMessage, ZApiMessageUpdateInput } from '@/lib/domain/channels/api/update-api-message';
import { refuseUnstorable, ZOptionalDbId } from '@/lib/domain/request-values';
import { apiJson, readBody, readMultipartMessage, type ClientApiRequest } from './client-api-route';

// The client API's handlers, one per route and method (the route files wrap them with
// clientApiHandler; tests call them the same way with their own ports).
type Handler = (call: ClientApiRequest) => Promise<Response>;

// The contact named by the path; clientApiHandler has loaded it (404 otherwise).
const own = (call: ClientApiRequest) => call.contact as ApiContact;
const conversationParam = (call: ClientApiRequest) => call.params.conversationId ?? '';

export const createContactHandler: Handler = async ({ ctx, inbox, request }) => {
  const body = await readBody(request, ZApiContactInput);
  if (body instanceof Response) return body;
  return apiJson(await createApiContact(ctx, inbox, body));
};

export const getContactHandler: Handler = async (call) => apiJson(await getApiContact(call.ctx, own(call)));

export const updateContactHandler: Handler = async (call) => {
  const body = await readBody(call.request, ZApiContactInput);
  if (body instanceof Response) return body;
  return apiJson(await updateApiContact(call.ctx, own(call), body));
};

export const listConversationsHandler: Handler = async (call) => apiJson(await listApiConversations(call.ctx, call.inbox, own(call)));

export const createConversationHandler: Handler = async (call) => {
  const body = await readBody(call.request, ZApiConversationInput);
  if (body instanceof Response) return body;
  return apiJson(await createApiConversation(call.ctx, call.inbox, own(call)));
};

export const getConversationHandler: Handler = async (call) => apiJson(await getApiConversation(call.ctx, call.inbox, own(call), conversationParam(call)));

// `before`: a message id (older messages than it); anything but an id is 422, never an SQL error.
export const listMessagesHandler: Handler = async (call) => {
  const { before } = z.object({ before: ZOptionalDbId }).parse(refuseUnstorable(Object.fromEntries(new URL(call.request.url).searchParams)));
  return apiJson(await listApiMessages(call.ctx, call.inbox, own(call), conversationParam(call), before));
};

// B3: `message_type: "outgoing"` (sent by the business outside the platform) needs the inbox's
// integration secret in X-Bandeja-Inbox-Secret; a contact's own messages are `incoming`.
// JSON, or multipart/form-data with the same fields and files in `attachments[]` (Chatwoot's way).
export const postMessageHandler: Handler = async (call) => {
  const multipart = /^multipart\/form-data\b/i.test(call.request.headers.get('content-type') ?? '');
  const body = multipart ? await readMultipartMessage(call.request) : await readBody(call.request, ZApiMessageInput);
  if (body instanceof Response) return body;
  const { fields, files } = 'fields' in body ? body : { fields: body, files: [] };
  const received = await postApiMessage(call.ctx, call.inbox, own(call), conversationParam(call), fields, {
    inboxSecret: call.request.headers.get('x-bandeja-inbox-secret'),
    attachments: files,
  });
  // public_message, 200 as Chatwoot answers it (and its swagger documents), new or a repeated
  // source_id (`duplicate` tells them apart); conversation_id is the conversation it went to (a new
  // one when the named one was resolved and the inbox's policy is `new`).
  return apiJson({ ...received.message, echo_id: fields.echo_id ?? null, duplicate: received.duplicate });
};

// PATCH messages/{id} { submitted_values }: the contact's answer to a message.
export const updateMessageHandler: Handler = async (call) => {
  const body = await readBody(call.request, ZApiMessageUpdateInput);
  if (body instanceof Response) return body;
  return apiJson(await updateApiMessage(call.ctx, call.inbox, own(call), conversationParam(call), call.params.messageId ?? '', body));
};

export const toggleStatusHandler: Handler = async (call) => apiJson(await resolveApiConversation(call.ctx, call.inbox, own(call), conversationParam(call)));

export const updateLastSeenHandler: Handler = async (call) => apiJson(await markApiConversationSeen(call.ctx, call.inbox, own(call), conversationParam(call)));

// toggle_typing: `typing_status` "on" | "off", in the JSON body or the query (Chatwoot's spec has both).
export const toggleTypingHandler: Handler = async (call) => {
  const query = new URL(call.request.url).searchParams.get('typing_status');
  const body = await readBody(call.request, query ? ZApiTypingInput.partial() : ZApiTypingInput);
  if (body instanceof Response) return body;
  const status = ZApiTypingInput.shape.typing_status.parse(body.typing_status ?? query);
  return apiJson(await toggleApiTyping(call.ctx, call.inbox, own(call), conversationParam(call), status));
};
