import { DomainError } from '../../errors';
import { visitorChannel } from './visitor-channel';
import { verifyVisitorToken } from './visitor-token';

// Apart from visitor-channel.ts, which the agents' send path imports (and with it client bundles
// that must not pull node:crypto).
// Whether the token's visitor may subscribe to `channel`: their own visitor channel only.
export const authorizeVisitorChannel = ({ token, channel, now }: { token: string | null; channel: string; now: Date }): void => {
  const visitor = verifyVisitorToken(token, now);
  if (!visitor) throw new DomainError('UNAUTHENTICATED');
  if (channel !== visitorChannel(visitor.sourceId)) throw new DomainError('FORBIDDEN');
};

