import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../errors';
import { pubsubTokenFor } from './api-inbox';
import { CONTACT_CHANNEL_PREFIX } from './contact-channel';

// Whether the bearer of a pubsub token may subscribe to `channel`: only `private-contact-{source
// id}` of the link that token was given for (UNAUTHENTICATED without a token, FORBIDDEN otherwise).
// Apart from contact-channel.ts, which client bundles reach and must not pull node:crypto.
export const authorizeContactChannel = ({ token, channel }: { token: string | null; channel: string }): void => {
  if (!token || token.length > 100) throw new DomainError('UNAUTHENTICATED');
  if (!channel.startsWith(CONTACT_CHANNEL_PREFIX)) throw new DomainError('FORBIDDEN');
  const [expected, given] = [Buffer.from(pubsubTokenFor(channel.slice(CONTACT_CHANNEL_PREFIX.length))), Buffer.from(token)];
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DomainError('FORBIDDEN');
};
