import { ACTING_SOCKET_FIELD } from './acting-socket';
import { getRealtimePublisherExcept } from './publisher';
import { isSocketId } from './server/protocol';

// The publisher for a change a tab makes and brings onto its own page itself (an action's answer, or
// the composer's send and re-read): its events reach every connection but that tab's. Null for
// anything that is no socket id (then every connection hears them, as for any other change).
export const actingPublisher = (socketId: unknown) => (isSocketId(socketId) ? getRealtimePublisherExcept(socketId) : null);

// The realtime connection a server action's post came from (the field the tab stamps), taken out of
// the form so that no schema sees it, with that publisher. Null for a post without one (no
// JavaScript, not connected yet) or with something that is no socket id.
export const actingSocketOf = (formData: FormData) => {
  if (!(formData instanceof FormData)) return null;
  const socketId = formData.get(ACTING_SOCKET_FIELD);
  formData.delete(ACTING_SOCKET_FIELD);
  const realtime = actingPublisher(socketId);
  return realtime ? { socketId: socketId as string, realtime } : null;
};
