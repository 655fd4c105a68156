import { ACTING_SOCKET_FIELD } from '@/lib/realtime/acting-socket';
import { getRealtimePublisherExcept } from '@/lib/realtime/publisher';
import { isSocketId } from '@/lib/realtime/server/protocol';

// The realtime connection a server action's post came from (the field the tab stamps), taken out of
// the form so that no schema sees it, with the publisher that leaves that connection out. Null for a
// post without one (no JavaScript, not connected yet) or with something that is no socket id.
export const actingSocketOf = (formData: FormData) => {
  if (!(formData instanceof FormData)) return null;
  const socketId = formData.get(ACTING_SOCKET_FIELD);
  formData.delete(ACTING_SOCKET_FIELD);
  return isSocketId(socketId) ? { socketId, realtime: getRealtimePublisherExcept(socketId) } : null;
};
