// The form field in which a tab's posts to server actions name its realtime connection
// (components/realtime/acting-socket.ts stamps it). The action's events then reach every socket but
// that one (Pusher's socket_id exclusion): the action's own response already brings that tab's page
// up to date, and the events would only make it render the same page again (issue 16).
export const ACTING_SOCKET_FIELD = 'realtimeSocketId';

// The same for the composer's send (a JSON POST to /api/conversations/:id/messages), which re-reads
// the page itself once stored.
export const ACTING_SOCKET_HEADER = 'x-realtime-socket-id';
