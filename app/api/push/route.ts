import { withActor } from '../conversations/_lib/with-actor';
import { deletePushSubscriptionRequest, getPushKey, postPushSubscription } from './_lib/push-subscription';

export const dynamic = 'force-dynamic';

// Web Push opt-in from the bell: the VAPID public key (GET), subscribe (POST), unsubscribe (DELETE).
export const GET = withActor(getPushKey);
export const POST = withActor(postPushSubscription);
export const DELETE = withActor(deletePushSubscriptionRequest);
