import type { DisplayMessage } from './message-bubble';

// Server messages seen so far and a newer server render, as one list: each id once (the newer copy
// wins: a status or edit changed), in time order. A live re-render brings the latest 50 again, so
// messages that slid out of that window stay.
export const mergeMessages = (seen: DisplayMessage[], latest: DisplayMessage[]): DisplayMessage[] => {
  const byId = new Map(seen.map((message) => [message.id, message]));
  for (const message of latest) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id - b.id);
};
