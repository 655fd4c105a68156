import { createConversationHandler, listConversationsHandler } from '../../../../../_lib/client-api-handlers';
import { clientApiHandler, clientApiPreflight } from '../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const GET = clientApiHandler(listConversationsHandler);
export const POST = clientApiHandler(createConversationHandler);
export const OPTIONS = clientApiPreflight;
