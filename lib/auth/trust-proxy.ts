// Whether a reverse proxy in front of the app sets X-Forwarded-For / -Host / -Proto (TRUST_PROXY=true).
// Without it those headers come from the client and are never believed: server.ts replaces them.
export const trustProxy = (): boolean => process.env.TRUST_PROXY === 'true';
