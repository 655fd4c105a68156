import { updateLastSeenHandler } from '../../../../../../../_lib/client-api-handlers';
import { clientApiHandler, clientApiPreflight } from '../../../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const POST = clientApiHandler(updateLastSeenHandler);
export const OPTIONS = clientApiPreflight;
