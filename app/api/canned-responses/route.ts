import { withActor } from '../conversations/_lib/with-actor';
import { getCannedResponses } from './_lib/get-canned-responses';

export const dynamic = 'force-dynamic';

// W2: the composer's "/" suggestions.
export const GET = withActor(getCannedResponses);
