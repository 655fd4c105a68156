import { withActor } from '@/app/api/conversations/_lib/with-actor';
import { json } from '@/app/api/conversations/_lib/json-response';
import { DomainError } from '@/lib/domain/errors';
import { authorizeChannel } from '@/lib/domain/realtime/authorize-channel';
import { getPusher } from '@/lib/realtime/publisher';
import { readRealtimeAuthFields, socketIdOf } from '@/lib/realtime/auth-request';

export const dynamic = 'force-dynamic';

// POST /api/realtime/auth: the channel auth endpoint pusher-js calls before subscribing to a private
// or presence channel. 200 `{ auth, channel_data? }` signed with the app's secret when the session's
// actor may have the channel, 403 when not, 401 without a session.
export const POST = withActor(async (ctx, request) => {
  const fields = await readRealtimeAuthFields(request);
  const socketId = socketIdOf(fields);
  const channel = fields.channel_name;
  if (!socketId) throw new DomainError('INVALID_INPUT', { field: 'socket_id' });
  if (typeof channel !== 'string' || channel.length > 164) throw new DomainError('INVALID_INPUT', { field: 'channel_name' });
  const { presence } = await authorizeChannel(ctx, { channel });
  return json(getPusher().authorizeChannel(socketId, channel, presence ?? undefined));
});
