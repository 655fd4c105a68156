import type Pusher from 'pusher-js';

type Defer = (run: () => void) => void;

const nextTask: Defer = (run) => setTimeout(run, 0);

const CLOSED = new Error('This realtime client has been closed.');

// Ends a tab's pusher-js client for good (signing out, leaving the workspace): nothing is
// authorised or sent from now on.
// - Its socket may be open with `pusher:connection_established` already queued, and a component
//   may still subscribe a channel: pusher-js would then sign in and authorise every channel, which
//   after a sign-out is a 401 each. So a closed client's authorisers refuse at once, without asking
//   the server (its channels get pusher:subscription_error, which nothing shows).
// - pusher-js writes what it sends on a timer: what it sent before now still goes out, nothing is
//   sent after (a write to a closed socket is a console error), and the socket closes a task later.
export const closeClient = (client: Pusher, defer: Defer = nextTask): void => {
  client.config.channelAuthorizer = (_params, callback) => callback(CLOSED, null);
  client.config.userAuthenticator = (_params, callback) => callback(CLOSED, null);
  client.send_event = () => false;
  defer(() => client.disconnect());
};
