import { withActor } from '@/app/api/conversations/_lib/with-actor';
import { json } from '@/app/api/conversations/_lib/json-response';
import { DomainError } from '@/lib/domain/errors';
import { getPusher } from '@/lib/realtime/publisher';
import { readRealtimeAuthFields, socketIdOf } from '@/lib/realtime/auth-request';

export const dynamic = 'force-dynamic';

// POST /api/realtime/user-auth: pusher-js's user authentication (pusher:signin). 200 `{ auth,
// user_data }` naming the session's user (`{"id":"<user id>"}`), so that the app can end that
// user's sockets (terminate_connections) when their access shrinks; 401 without a session.
export const POST = withActor(async (ctx, request) => {
  const socketId = socketIdOf(await readRealtimeAuthFields(request));
  if (!socketId) throw new DomainError('INVALID_INPUT', { field: 'socket_id' });
  return json(getPusher().authenticateUser(socketId, { id: String(ctx.actor.userId) }));
});
