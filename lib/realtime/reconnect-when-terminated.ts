import type Pusher from 'pusher-js';

// Pusher's (and the embedded server's) close code for a user whose connections the app terminated.
const TERMINATED = 4009;

type ConnectionError = { data?: { code?: unknown }; error?: { data?: { code?: unknown } } };

const isTermination = (error: ConnectionError | undefined): boolean => error?.data?.code === TERMINATED || error?.error?.data?.code === TERMINATED;

// The app ends a user's sockets when their access shrinks (removed from an inbox, deactivated, a new
// password): pusher-js then stays disconnected (4009 is "refused"). This connects again after
// `delayMs`, signing in and re-authorising every channel with the session the browser has then, so
// a channel the user may no longer read is refused and the rest keep working; a session that has
// ended is refused everything. The delay lets a password change's own response (the new session
// cookie) reach the browser before the changer's tab reconnects. Returns a function that stops it.
export const reconnectWhenTerminated = (client: Pusher, delayMs: number): (() => void) => {
  let terminated = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onError = (error: ConnectionError | undefined) => {
    if (isTermination(error)) terminated = true;
  };
  const onStateChange = ({ current }: { current: string }) => {
    if (current !== 'disconnected' || !terminated) return;
    terminated = false;
    timer = setTimeout(() => client.connect(), delayMs);
  };
  client.connection.bind('error', onError);
  client.connection.bind('state_change', onStateChange);
  return () => {
    clearTimeout(timer);
    client.connection.unbind('error', onError);
    client.connection.unbind('state_change', onStateChange);
  };
};
