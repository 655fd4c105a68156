import { getRealtimeConfig } from './config';

// What the browser needs to open its pusher-js connection, rendered into the page by a server
// component. wsHost/wsPort/wssPort null: connect to the page's own origin (the embedded server).
export type BrowserRealtimeConfig = {
  key: string;
  wsHost: string | null;
  wsPort: number | null;
  wssPort: number | null;
  forceTLS: boolean;
  cluster: string;
  enabledTransports: ('ws' | 'wss')[];
  authEndpoint: '/api/realtime/auth';
  // pusher:signin: the socket says whose it is, so the app can end a user's sockets.
  userAuthEndpoint: '/api/realtime/user-auth';
};

export const browserRealtimeConfig = (): BrowserRealtimeConfig => {
  const { key, browser } = getRealtimeConfig();
  return {
    key,
    wsHost: browser.wsHost,
    wsPort: browser.wsPort,
    wssPort: browser.wsPort,
    forceTLS: browser.forceTLS,
    cluster: browser.cluster,
    enabledTransports: ['ws', 'wss'],
    authEndpoint: '/api/realtime/auth',
    userAuthEndpoint: '/api/realtime/user-auth',
  };
};
