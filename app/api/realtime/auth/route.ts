import { withActor } from '@/app/api/conversations/_lib/with-actor';
import { json } from '@/app/api/conversations/_lib/json-response';
import { DomainError } from '@/lib/domain/errors';
import { authorizeChannel } from '@/lib/domain/realtime/authorize-channel';
import { getPusher } from '@/lib/realtime/publisher';

export const dynamic = 'force-dynamic';

// pusher-js posts `socket_id` and `channel_name` as a form; JSON is accepted too.
const readFields = async (request: Request): Promise<Record<string, unknown>> => {
  try {
    if (request.headers.get('content-type')?.includes('application/json')) return ((await request.json()) ?? {}) as Record<string, unknown>;
    return Object.fromEntries(await request.formData());
  } catch {
    throw new DomainError('INVALID_INPUT', { field: 'body' });
  }
};

// POST /api/realtime/auth: the channel auth endpoint pusher-js calls before subscribing to a private
// or presence channel. 200 `{ auth, channel_data? }` signed with the app's secret when the session's
// actor may have the channel, 403 when not, 401 without a session.
export const POST = withActor(async (ctx, request) => {
  const { socket_id: socketId, channel_name: channel } = await readFields(request);
  if (typeof socketId !== 'string' || !/^\d{1,20}\.\d{1,20}$/.test(socketId)) throw new DomainError('INVALID_INPUT', { field: 'socket_id' });
  if (typeof channel !== 'string' || channel.length > 164) throw new DomainError('INVALID_INPUT', { field: 'channel_name' });
  const { presence } = await authorizeChannel(ctx, { channel });
  return json(getPusher().authorizeChannel(socketId, channel, presence ?? undefined));
});
