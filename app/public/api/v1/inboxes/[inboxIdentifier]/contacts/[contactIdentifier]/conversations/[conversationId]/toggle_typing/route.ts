import { toggleTypingHandler } from '../../../../../../../_lib/client-api-handlers';
import { clientApiHandler, clientApiPreflight } from '../../../../../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

// The contact is typing ("on") or stopped ("off"): agents with the conversation open see it.
export const POST = clientApiHandler(toggleTypingHandler);
export const OPTIONS = clientApiPreflight;
