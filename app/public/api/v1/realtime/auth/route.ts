import { clientIp } from '@/lib/auth/client-ip';
import { authorizeContactChannel } from '@/lib/domain/channels/api/contact-channel-auth';
import { DomainError } from '@/lib/domain/errors';
import { socketIdOf } from '@/lib/realtime/auth-request';
import { getPusher } from '@/lib/realtime/publisher';
import { apiError, apiJson, clientApiPreflight, failedFrom } from '../../_lib/client-api-route';

export const dynamic = 'force-dynamic';

// POST /public/api/v1/realtime/auth: the channel auth endpoint for a client API contact's pusher-js
// (form or JSON: socket_id, channel_name, pubsub_token; or the token in X-Bandeja-Pubsub-Token).
// The pubsub_token opens its link's `private-contact-{source_id}` and nothing else (403); 401 without one.
export const POST = async (request: Request): Promise<Response> => {
  try {
    const json = /^application\/json\b/i.test(request.headers.get('content-type') ?? '');
    const body: Record<string, unknown> = json ? await request.json().catch(() => ({})) : Object.fromEntries(await request.formData().catch(() => new FormData()));
    const socketId = socketIdOf(body);
    const channel = body.channel_name;
    if (!socketId) throw new DomainError('INVALID_INPUT', { field: 'socket_id' });
    if (typeof channel !== 'string' || channel.length > 164) throw new DomainError('INVALID_INPUT', { field: 'channel_name' });
    const token = request.headers.get('x-bandeja-pubsub-token') ?? (typeof body.pubsub_token === 'string' ? body.pubsub_token : null);
    try {
      authorizeContactChannel({ token, channel });
    } catch (error) {
      failedFrom(clientIp(request.headers), Date.now())(error);
    }
    return apiJson(getPusher().authorizeChannel(socketId, channel));
  } catch (error) {
    return apiError(error);
  }
};

export const OPTIONS = clientApiPreflight;
