import { getApiConversation, type ApiContact } from '@/lib/domain/channels/api/client-api';
import { apiJson, clientApiHandler } from '../../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const GET = clientApiHandler(async ({ ctx, inbox, contact, params }) =>
  apiJson(await getApiConversation(ctx, inbox, contact as ApiContact, params.conversationId ?? '')),
);
