import { updateLastSeenHandler } from '../../../../../../../_lib/client-api-handlers';
import { clientApiHandler } from '../../../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const POST = clientApiHandler(updateLastSeenHandler);
