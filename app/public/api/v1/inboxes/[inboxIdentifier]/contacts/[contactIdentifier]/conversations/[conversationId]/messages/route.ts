import { listMessagesHandler, postMessageHandler } from '../../../../../../../_lib/client-api-handlers';
import { clientApiHandler, clientApiPreflight } from '../../../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const GET = clientApiHandler(listMessagesHandler);
export const POST = clientApiHandler(postMessageHandler);
export const OPTIONS = clientApiPreflight;
