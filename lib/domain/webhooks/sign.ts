import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// A delivery is signed with the webhook's secret: HMAC-SHA256 over `<timestamp>.<body>` (timestamp in
// Unix seconds, also sent as X-Bandeja-Timestamp, so a receiver can refuse old replays), sent as
// `X-Bandeja-Signature: sha256=<hex>`.
export const SIGNATURE_HEADER = 'x-bandeja-signature';
export const TIMESTAMP_HEADER = 'x-bandeja-timestamp';
export const EVENT_HEADER = 'x-bandeja-event';
export const DELIVERY_HEADER = 'x-bandeja-delivery';

export const signWebhookBody = (secret: string, timestamp: number, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

// For receivers (and tests): whether a signature header is right for this body and timestamp.
export const verifyWebhookSignature = (secret: string, timestamp: number, body: string, signature: string): boolean => {
  const expected = Buffer.from(signWebhookBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64url')}`;
