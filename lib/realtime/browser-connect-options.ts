import type { BrowserRealtimeConfig } from './client-config';

// pusher-js options in the browser: the configured host, or this page's own origin (the embedded
// server shares the app's port). The agents' dashboard and the website widget differ only in how
// their private channels are authorised, and in the agents' signing in (pusher:signin, `userEndpoint`).
export const browserConnectOptions = (
  config: Omit<BrowserRealtimeConfig, 'authEndpoint' | 'userAuthEndpoint'>,
  authorization: { endpoint: string; headers?: Record<string, string> },
  userEndpoint?: string,
) => {
  const secure = config.forceTLS || (config.wsHost === null && window.location.protocol === 'https:');
  const pagePort = Number(window.location.port) || (window.location.protocol === 'https:' ? 443 : 80);
  return {
    cluster: config.cluster,
    wsHost: config.wsHost ?? window.location.hostname,
    wsPort: config.wsPort ?? pagePort,
    wssPort: config.wssPort ?? config.wsPort ?? pagePort,
    forceTLS: secure,
    enabledTransports: config.enabledTransports,
    channelAuthorization: { ...authorization, transport: 'ajax' as const },
    ...(userEndpoint ? { userAuthentication: { endpoint: userEndpoint, transport: 'ajax' as const } } : {}),
  };
};
