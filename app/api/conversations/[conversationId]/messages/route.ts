import { getMessages } from '../../_lib/get-messages';
import { postMessage } from '../../_lib/post-message';
import { withActor } from '../../_lib/with-actor';

export const dynamic = 'force-dynamic';

// The chat's messages: older pages (GET) and the composer's send (POST).
export const GET = withActor(getMessages);
export const POST = withActor(postMessage);
