import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contacts } from '@/db/schema';
import { readCapped } from '../attachments/read-capped';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { publishAfterCommit } from '../events/publish';
import { avatarTypeOf, MAX_AVATAR_BYTES, MAX_AVATAR_MB } from './avatar-image';
import { avatarKeyOf, avatarStorageKey, contactAvatarUrl } from './avatar-location';
import { contactEvents } from './contact-events';
import { ZContactId } from './contact-input';
import { contactScope } from './contact-scope';

export const ZSetContactAvatarInput = z.object({ contactId: ZContactId });
export type TSetContactAvatarInput = z.input<typeof ZSetContactAvatarInput> & { stream: ReadableStream<Uint8Array> };

// K2: replaces a contact's avatar with an uploaded picture (JPEG, PNG, WebP or GIF by its bytes;
// anything else UNSUPPORTED_TYPE; over 5 MB TOO_LARGE), for an actor who may see the contact. The
// file is stored under avatars/<accountId>/<uuid> and contacts.avatar_url becomes the app's URL of
// it (/api/contacts/<id>/avatar?v=<uuid>, served by getContactAvatar). The previous uploaded file is
// removed once the new URL has committed. Publishes contact.updated.
export const setContactAvatar = async (ctx: Ctx, input: TSetContactAvatarInput): Promise<{ avatarUrl: string }> => {
  const refuse = async (error: DomainError): Promise<never> => {
    // The body is not read: let the client stop sending it.
    await input.stream.cancel().catch(() => {});
    throw error;
  };
  const parsed = ZSetContactAvatarInput.safeParse(input);
  // A malformed id (from a URL) cannot name any contact.
  if (!parsed.success) return refuse(new DomainError('NOT_FOUND', { entity: 'contact' }));
  const { contactId } = parsed.data;
  const [contact] = await ctx.db
    .select({ id: contacts.id, accountId: contacts.accountId })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), contactScope(ctx.actor)))
    .limit(1);
  if (!contact) return refuse(new DomainError('NOT_FOUND', { entity: 'contact' }));

  const bytes = await readCapped(input.stream, { maxBytes: MAX_AVATAR_BYTES, maxMb: MAX_AVATAR_MB });
  if (bytes.length === 0) throw new DomainError('INVALID_INPUT', { field: 'file' });
  const mimeType = avatarTypeOf(bytes);
  if (!mimeType) throw new DomainError('UNSUPPORTED_TYPE');

  const version = crypto.randomUUID();
  const key = avatarStorageKey(contact.accountId, version);
  const avatarUrl = contactAvatarUrl(contact.id, version);
  await ctx.storage.put(key, bytes, mimeType);

  let previousUrl: string | null;
  try {
    previousUrl = await ctx.db.transaction(async (tx) => {
      // The lock orders two uploads at once: each replaces (and later removes) the one before it.
      const [locked] = await tx
        .select({ avatarUrl: contacts.avatarUrl })
        .from(contacts)
        .where(and(eq(contacts.id, contact.id), contactScope(ctx.actor)))
        .for('update');
      if (!locked) throw new DomainError('NOT_FOUND', { entity: 'contact' });
      await tx.update(contacts).set({ avatarUrl, updatedAt: ctx.now() }).where(eq(contacts.id, contact.id));
      return locked.avatarUrl;
    });
  } catch (error) {
    // Nothing points to the new file: it must not stay behind.
    await ctx.storage.delete(key).catch(() => {});
    throw error;
  }

  const previousKey = avatarKeyOf(contact.accountId, previousUrl);
  if (previousKey) await ctx.storage.delete(previousKey).catch((error) => console.error(`contacts: deleting avatar ${previousKey} failed`, error));
  await publishAfterCommit(
    ctx,
    await contactEvents(ctx.db, { accountId: contact.accountId, contactIds: [contact.id], event: 'contact.updated', data: { contactId: contact.id, avatarUrl } }),
  );
  return { avatarUrl };
};
