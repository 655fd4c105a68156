import { toggleStatusHandler } from '../../../../../../../_lib/client-api-handlers';
import { clientApiHandler, clientApiPreflight } from '../../../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

// The contact ends the conversation (resolved).
export const POST = clientApiHandler(toggleStatusHandler);
export const OPTIONS = clientApiPreflight;
