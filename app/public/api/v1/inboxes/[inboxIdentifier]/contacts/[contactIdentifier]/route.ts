import { getApiContact, updateApiContact, ZApiContactInput, type ApiContact } from '@/lib/domain/channels/api/client-api';
import { apiJson, clientApiHandler, readBody } from '../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const GET = clientApiHandler(async ({ ctx, contact }) => apiJson(await getApiContact(ctx, contact as ApiContact)));

export const PATCH = clientApiHandler(async ({ ctx, contact, request }) => {
  const body = await readBody(request, ZApiContactInput);
  if (body instanceof Response) return body;
  return apiJson(await updateApiContact(ctx, contact as ApiContact, body));
});
