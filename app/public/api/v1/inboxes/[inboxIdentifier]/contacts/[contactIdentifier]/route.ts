import { getContactHandler, updateContactHandler } from '../../../../_lib/client-api-handlers';
import { clientApiHandler, clientApiPreflight } from '../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

export const GET = clientApiHandler(getContactHandler);
export const PATCH = clientApiHandler(updateContactHandler);
export const OPTIONS = clientApiPreflight;
