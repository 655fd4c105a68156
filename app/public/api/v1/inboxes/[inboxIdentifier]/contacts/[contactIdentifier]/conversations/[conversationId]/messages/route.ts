import { listApiMessages, postApiMessage, ZApiMessageInput, type ApiContact } from '@/lib/domain/channels/api/client-api';
import { apiJson, clientApiHandler, readBody } from '../../../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const GET = clientApiHandler(async ({ ctx, inbox, contact, params, request }) => {
  const before = Number(new URL(request.url).searchParams.get('before'));
  return apiJson(await listApiMessages(ctx, inbox, contact as ApiContact, params.conversationId ?? '', Number.isInteger(before) && before > 0 ? before : undefined));
});

// B3: `message_type: "outgoing"` (sent by the business outside the platform) needs the inbox's
// integration secret in X-Bandeja-Inbox-Secret; a contact's own messages are `incoming`.
export const POST = clientApiHandler(async ({ ctx, inbox, contact, params, request }) => {
  const body = await readBody(request, ZApiMessageInput);
  if (body instanceof Response) return body;
  const received = await postApiMessage(ctx, inbox, contact as ApiContact, params.conversationId ?? '', body, {
    inboxSecret: request.headers.get('x-bandeja-inbox-secret'),
  });
  return apiJson(
    { id: received.messageId, content: body.content, message_type: body.message_type, conversation_id: received.displayId, echo_id: received.echoId, duplicate: received.duplicate },
    received.duplicate ? 200 : 201,
  );
});
