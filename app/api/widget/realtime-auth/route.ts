import { apiError, apiJson } from '@/app/public/api/v1/_lib/client-api-route';
import { authorizeVisitorChannel } from '@/lib/domain/channels/widget/visitor-channel-auth';
import { DomainError, isDomainError } from '@/lib/domain/errors';
import { socketIdOf } from '@/lib/realtime/auth-request';
import { getPusher } from '@/lib/realtime/publisher';
import { VISITOR_HEADER } from '../_lib/widget-route';

export const dynamic = 'force-dynamic';

// POST /api/widget/realtime-auth: the channel auth endpoint of the widget's pusher-js. The visitor
// token (header X-Bandeja-Visitor) opens the visitor's own channel, private-visitor-{source id},
// and nothing else (403); never an agent's session. 401 without a valid token.
export const POST = async (request: Request): Promise<Response> => {
  try {
    const form = Object.fromEntries(await request.formData().catch(() => new FormData()));
    const socketId = socketIdOf(form);
    const channel = form.channel_name;
    if (!socketId) throw new DomainError('INVALID_INPUT', { field: 'socket_id' });
    if (typeof channel !== 'string' || channel.length > 164) throw new DomainError('INVALID_INPUT', { field: 'channel_name' });
    authorizeVisitorChannel({ token: request.headers.get(VISITOR_HEADER), channel, now: new Date() });
    return apiJson(getPusher().authorizeChannel(socketId, channel));
  } catch (error) {
    if (isDomainError(error) && error.code === 'UNAUTHENTICATED') return apiJson({ error: error.code, message: 'Visitor token missing, invalid or expired', details: {} }, 401);
    return apiError(error);
  }
};
