import type { Typist } from './conversation-presence';

// A client-typing event as the sender wrote it; nothing in it is trusted but the two flags.
export type TypingPayload = { userId?: unknown; name?: unknown; isPrivate?: unknown; typing?: unknown };

// The presence member behind a client event: the server stamps `user_id` from the socket's signed
// presence subscription (Pusher protocol: client events on presence channels carry it), and the
// member's `user_info` is what the app's auth endpoint signed.
export type TypingSender = { userId: string | undefined; info: { name?: unknown } | null | undefined };

// Who is typing, from the authenticated member, never from the event: a sender cannot show another
// agent's name (or any text) as typing. null for an event without a member (not a presence channel,
// or a server that does not say who sent it), or from me.
export const typistFrom = (data: TypingPayload | null | undefined, sender: TypingSender, me: number, fallbackName: (id: number) => string): (Typist & { typing: boolean }) | null => {
  const userId = Number(sender.userId);
  if (!Number.isInteger(userId) || userId <= 0 || userId === me) return null;
  const signedName = typeof sender.info?.name === 'string' ? sender.info.name : '';
  return { userId, name: signedName || fallbackName(userId), isPrivate: data?.isPrivate === true, typing: data?.typing === true };
};
