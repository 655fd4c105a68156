import { getConversationHandler } from '../../../../../../_lib/client-api-handlers';
import { clientApiHandler, clientApiPreflight } from '../../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const GET = clientApiHandler(getConversationHandler);
export const OPTIONS = clientApiPreflight;
