import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contacts } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { avatarTypeOf, MAX_AVATAR_BYTES } from './avatar-image';
import { avatarKeyOf } from './avatar-location';
import { ZContactId } from './contact-input';
import { contactScope } from './contact-scope';

export const ZGetContactAvatarInput = z.object({ contactId: ZContactId });
export type TGetContactAvatarInput = z.input<typeof ZGetContactAvatarInput>;

export type ContactAvatarFile = { mimeType: string; size: number; body: ReadableStream<Uint8Array> };

const notFound = () => new DomainError('NOT_FOUND', { entity: 'avatar' });

// The picture behind /api/contacts/<id>/avatar, for an actor who may see the contact. Its type is
// read again from its bytes, so the route only ever serves one of the avatar image types (with
// that Content-Type). NOT_FOUND when the contact has no uploaded avatar (none, or an external URL),
// or the actor may not see it.
export const getContactAvatar = async (ctx: Pick<Ctx, 'db' | 'actor' | 'storage'>, input: TGetContactAvatarInput): Promise<ContactAvatarFile> => {
  const parsed = ZGetContactAvatarInput.safeParse(input);
  if (!parsed.success) throw notFound();
  const [contact] = await ctx.db
    .select({ accountId: contacts.accountId, avatarUrl: contacts.avatarUrl })
    .from(contacts)
    .where(and(eq(contacts.id, parsed.data.contactId), contactScope(ctx.actor)))
    .limit(1);
  const key = contact ? avatarKeyOf(contact.accountId, contact.avatarUrl) : null;
  if (!key) throw notFound();
  const stream = await ctx.storage.get(key);
  if (!stream) throw notFound();

  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const mimeType = bytes.length <= MAX_AVATAR_BYTES ? avatarTypeOf(bytes) : null;
  if (!mimeType) throw notFound();
  return { mimeType, size: bytes.length, body: new Blob([bytes as Uint8Array<ArrayBuffer>]).stream() };
};
