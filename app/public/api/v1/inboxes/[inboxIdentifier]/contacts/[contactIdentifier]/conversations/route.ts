import { createApiConversation, listApiConversations, ZApiConversationInput, type ApiContact } from '@/lib/domain/channels/api/client-api';
import { apiJson, clientApiHandler, readBody } from '../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const GET = clientApiHandler(async ({ ctx, inbox, contact }) => apiJson(await listApiConversations(ctx, inbox, contact as ApiContact)));

export const POST = clientApiHandler(async ({ ctx, inbox, contact, request }) => {
  const body = await readBody(request, ZApiConversationInput);
  if (body instanceof Response) return body;
  return apiJson(await createApiConversation(ctx, inbox, contact as ApiContact));
});
