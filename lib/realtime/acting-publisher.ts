import type { RealtimePublisher } from '@/lib/domain/context';
import { ACTING_SOCKET_FIELD } from './acting-socket';
import { asSocketId } from './auth-request';
import { getRealtimePublisherExcept } from './publisher';

export type ActingPublisher = {
  socketId: string;
  realtime: RealtimePublisher;
  // Whether the change published anything (after its commit): then the acting tab has to be brought
  // up to date by the answer, since it hears none of it.
  published: () => boolean;
};

// The publisher for a change a tab makes and brings onto its own page itself (an action's answer, or
// the composer's send and re-read): its events reach every connection but that tab's. Null for
// anything that is no socket id (then every connection hears them, as for any other change).
export const actingPublisher = (value: unknown): ActingPublisher | null => {
  const socketId = asSocketId(value);
  if (!socketId) return null;
  const except = getRealtimePublisherExcept(socketId);
  let published = false;
  const realtime: RealtimePublisher = {
    ...except,
    publish: (channel, event, data) => {
      published = true;
      return except.publish(channel, event, data);
    },
  };
  return { socketId, realtime, published: () => published };
};

// The realtime connection a server action's post came from (the field the tab stamps), taken out of
// the form so that no schema sees it. Null for a post without one (no JavaScript, not connected
// yet) or with something that is no socket id.
export const actingSocketOf = (formData: FormData): ActingPublisher | null => {
  if (!(formData instanceof FormData)) return null;
  const socketId = formData.get(ACTING_SOCKET_FIELD);
  formData.delete(ACTING_SOCKET_FIELD);
  return actingPublisher(socketId);
};
