// The events an outbound webhook may subscribe to (Chatwoot's names; payloads trimmed, see payloads.ts).
export const WEBHOOK_EVENTS = ['message_created', 'message_updated', 'conversation_created', 'conversation_status_changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

// Retries after a failed attempt: 1 min, 5 min, 30 min, 2 h, 6 h; after the sixth attempt the
// delivery is given up (it stays in the log, and an administrator may resend it).
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

// How long a claimed delivery is left to its instance before another instance may try it again
// (an instance that died mid-request): longer than the request timeout.
export const DELIVERY_LEASE_MS = 2 * 60_000;
export const DELIVERY_TIMEOUT_MS = 10_000;
