// Who is subscribed to what, in this process: channel → sockets, and for presence channels
// channel → members (a user with several tabs is one member with several sockets); and which
// sockets signed in as which user (pusher:signin), so that a user's sockets can be terminated.

export type Subscriber = { socketId: string; send: (frame: string | Buffer) => void };
export type PresenceMember = { userId: string; info: unknown };
export type PresenceSnapshot = { ids: string[]; hash: Record<string, unknown>; count: number };

type Member = { info: unknown; sockets: Set<string> };

export type ChannelRegistry = ReturnType<typeof createChannelRegistry>;

export const createChannelRegistry = () => {
  const channels = new Map<string, Map<string, Subscriber>>();
  const members = new Map<string, Map<string, Member>>();
  // user id → socket id → how to end that socket.
  const users = new Map<string, Map<string, () => void>>();

  const presenceSnapshot = (channel: string): PresenceSnapshot => {
    const hash: Record<string, unknown> = {};
    for (const [userId, member] of members.get(channel) ?? []) hash[userId] = member.info;
    const ids = Object.keys(hash);
    return { ids, hash, count: ids.length };
  };

  return {
    // Adds the socket (again: idempotent). For presence, `joined` is true when this is the user's
    // first socket on the channel, i.e. when the others must hear member_added.
    subscribe: (channel: string, subscriber: Subscriber, member?: PresenceMember): { joined: boolean } => {
      let sockets = channels.get(channel);
      if (!sockets) channels.set(channel, (sockets = new Map()));
      sockets.set(subscriber.socketId, subscriber);
      if (!member) return { joined: false };
      let channelMembers = members.get(channel);
      if (!channelMembers) members.set(channel, (channelMembers = new Map()));
      const existing = channelMembers.get(member.userId);
      if (existing) {
        existing.sockets.add(subscriber.socketId);
        return { joined: false };
      }
      channelMembers.set(member.userId, { info: member.info, sockets: new Set([subscriber.socketId]) });
      return { joined: true };
    },

    // Removes the socket. For presence, `left` is the user id when that was their last socket.
    unsubscribe: (channel: string, socketId: string, userId?: string): { left?: string } => {
      const sockets = channels.get(channel);
      if (!sockets?.delete(socketId)) return {};
      if (sockets.size === 0) channels.delete(channel);
      if (userId === undefined) return {};
      const channelMembers = members.get(channel);
      const member = channelMembers?.get(userId);
      if (!channelMembers || !member) return {};
      member.sockets.delete(socketId);
      if (member.sockets.size > 0) return {};
      channelMembers.delete(userId);
      if (channelMembers.size === 0) members.delete(channel);
      return { left: userId };
    },

    isSubscribed: (channel: string, socketId: string): boolean => channels.get(channel)?.has(socketId) ?? false,

    // Sends one serialised frame to every socket of the channel but `exceptSocketId` (the sender of
    // a client event, or the socket_id a trigger excludes). Returns how many sockets got it.
    broadcast: (channel: string, frame: string, exceptSocketId?: string): number => {
      let delivered = 0;
      // Encoded to UTF-8 once, not once per socket.
      const payload = Buffer.from(frame);
      for (const subscriber of channels.get(channel)?.values() ?? []) {
        if (subscriber.socketId === exceptSocketId) continue;
        subscriber.send(payload);
        delivered += 1;
      }
      return delivered;
    },

    presenceSnapshot,

    signIn: (userId: string, socketId: string, terminate: () => void) => {
      let sockets = users.get(userId);
      if (!sockets) users.set(userId, (sockets = new Map()));
      sockets.set(socketId, terminate);
    },

    signOut: (userId: string, socketId: string) => {
      const sockets = users.get(userId);
      if (!sockets?.delete(socketId)) return;
      if (sockets.size === 0) users.delete(userId);
    },

    // Ends every socket signed in as the user (HTTP API terminate_connections). Returns how many.
    terminateUser: (userId: string): number => {
      const sockets = [...(users.get(userId)?.values() ?? [])];
      sockets.forEach((terminate) => terminate());
      return sockets.length;
    },
  };
};
