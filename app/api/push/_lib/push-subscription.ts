import { auth } from '@/lib/auth';
import type { Ctx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';
import { deletePushSubscription } from '@/lib/domain/push/delete-push-subscriptions';
import { savePushSubscription } from '@/lib/domain/push/save-push-subscription';
import { getVapidDetails } from '@/lib/push/vapid';
import { json } from '../../conversations/_lib/json-response';

const body = async (request: Request): Promise<Record<string, unknown>> => {
  const parsed: unknown = await request.json().catch(() => null);
  if (!parsed || typeof parsed !== 'object') throw new DomainError('INVALID_INPUT', { field: 'endpoint' });
  return parsed as Record<string, unknown>;
};

// The application server key the browser subscribes with (the VAPID public key).
export const getPushKey = async (): Promise<Response> => {
  const vapid = getVapidDetails();
  return vapid ? json({ publicKey: vapid.publicKey }) : json({ error: 'UNAVAILABLE', details: {} }, 503);
};

// Opt-in: stores this browser's PushSubscription.toJSON() for the agent, tied to this sign-in.
export const postPushSubscription = async (ctx: Ctx, request: Request): Promise<Response> => {
  const session = await auth();
  const input = await body(request);
  const saved = await savePushSubscription(ctx, {
    endpoint: input.endpoint as string,
    keys: input.keys as { p256dh: string; auth: string },
    sessionId: session?.sessionId ?? '',
    userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? undefined,
  });
  return json({ subscription: saved }, 201);
};

// Opt-out (and the sign-in page cleaning up after a sign-out): forgets this browser's subscription.
export const deletePushSubscriptionRequest = async (ctx: Ctx, request: Request): Promise<Response> =>
  json(await deletePushSubscription(ctx, { endpoint: String((await body(request)).endpoint ?? '') }));
