import { updateMessageHandler } from '../../../../../../../../_lib/client-api-handlers';
import { clientApiHandler, clientApiPreflight } from '../../../../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

// PATCH …/conversations/{conversation_id}/messages/{message_id} { submitted_values } → public_message
export const PATCH = clientApiHandler(updateMessageHandler);
export const OPTIONS = clientApiPreflight;
