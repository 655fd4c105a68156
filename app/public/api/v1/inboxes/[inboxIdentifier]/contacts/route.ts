import { createApiContact, ZApiContactInput } from '@/lib/domain/channels/api/client-api';
import { apiJson, clientApiHandler, readBody } from '../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

// POST /public/api/v1/inboxes/{inbox_identifier}/contacts → { id, source_id, pubsub_token, ... }
export const POST = clientApiHandler(async ({ ctx, inbox, request }) => {
  const body = await readBody(request, ZApiContactInput);
  if (body instanceof Response) return body;
  return apiJson(await createApiContact(ctx, inbox, body));
});
