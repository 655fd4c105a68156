import { createContactHandler } from '../../../_lib/client-api-handlers';
import { clientApiHandler, clientApiPreflight } from '../../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

// POST /public/api/v1/inboxes/{inbox_identifier}/contacts → { id, source_id, pubsub_token, ... }
export const POST = clientApiHandler(createContactHandler);
export const OPTIONS = clientApiPreflight;
