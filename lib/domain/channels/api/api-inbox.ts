import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { contactInboxes, inboxes, type Inbox } from '@/db/schema';
import type { SystemCtx } from '../../context';
import { DomainError } from '../../errors';
import { linkSecret } from '../../transcripts/send-transcript';

// The API inbox and the contact link a client API request names: the inbox by its public
// identifier, the contact by its source id (the paths' `contact_identifier`), which is the
// contact's credential: it opens that link's own conversations in that inbox, nothing else.

export type ApiInbox = Pick<Inbox, 'id' | 'accountId' | 'name' | 'identifier' | 'channelSettings'>;
export type ApiContact = { contactInboxId: number; contactId: number; sourceId: string };

// The token of the contact's realtime channel (contact-channel.ts): derived from the source id, not
// stored, so it never needs rotating separately from AUTH_SECRET, and it does not reveal the source id.
export const pubsubTokenFor = (sourceId: string) => createHmac('sha256', linkSecret()).update(`pubsub:${sourceId}`).digest('base64url');

export const loadApiInbox = async (db: SystemCtx['db'], identifier: string): Promise<ApiInbox> => {
  const [inbox] = await db
    .select({ id: inboxes.id, accountId: inboxes.accountId, name: inboxes.name, identifier: inboxes.identifier, channelSettings: inboxes.channelSettings })
    .from(inboxes)
    .where(and(eq(inboxes.identifier, identifier.slice(0, 200)), eq(inboxes.channelType, 'api')));
  if (!inbox) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  return inbox;
};

export const loadApiContact = async (db: SystemCtx['db'], inbox: ApiInbox, sourceId: string): Promise<ApiContact> => {
  const [link] = await db
    .select({ contactInboxId: contactInboxes.id, contactId: contactInboxes.contactId, sourceId: contactInboxes.sourceId })
    .from(contactInboxes)
    .where(and(eq(contactInboxes.inboxId, inbox.id), eq(contactInboxes.sourceId, sourceId.slice(0, 200))));
  if (!link) throw new DomainError('NOT_FOUND', { entity: 'contact' });
  return link;
};

// The integration secret of an API inbox: channelSettings.hmacSecret, or one derived from AUTH_SECRET
// and the inbox identifier (shown to administrators in Settings › Webhooks). It signs identities
// (`identifier_hash`) and lets the business post `outgoing` messages.
export const apiInboxSecret = (inbox: Pick<ApiInbox, 'identifier' | 'channelSettings'>): string =>
  inbox.channelSettings.hmacSecret || createHmac('sha256', linkSecret()).update(`api-inbox:${inbox.identifier}`).digest('base64url');

// Whether the request carries the inbox's integration secret.
export const hasInboxSecret = (inbox: ApiInbox, given: string | null): boolean => {
  const secret = apiInboxSecret(inbox);
  if (!given) return false;
  const [a, b] = [Buffer.from(secret), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
};
