import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { contacts } from '@/db/schema';
import { getContactAvatar } from '@/lib/domain/contacts/get-contact-avatar';
import { setContactAvatar } from '@/lib/domain/contacts/set-contact-avatar';
import { useTestDatabase } from '../../helpers/db';
import { byteStream, createContactsWorld, pictures, refusal, streamOf, withLocalStorage } from '../../helpers/contacts-factories';

const database = useTestDatabase();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

// A world whose users' ctx store files in a real temporary folder.
const setup = async () => {
  const { db } = database();
  const world = await createContactsWorld(db);
  const disk = await withLocalStorage(await world.ctxOf(world.agent));
  cleanups.push(disk.cleanup);
  const as = async (user: { id: number }) => ({ ...(await world.ctxOf(user)), storage: disk.storage });
  return { db, world, disk, as };
};

const avatarUrlOf = async (contactId: number) =>
  (await database().db.select({ avatarUrl: contacts.avatarUrl }).from(contacts).where(eq(contacts.id, contactId)))[0].avatarUrl;

const bytesOf = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());

const AVATAR_URL = /^\/api\/contacts\/(\d+)\/avatar\?v=([0-9a-f-]{36})$/;

describe('setContactAvatar and getContactAvatar (K2 avatar upload)', () => {
  it('stores the picture under avatars/<account>/<uuid>, points the contact to it and serves it back with its type', async () => {
    const { world, disk, as } = await setup();
    const contact = await world.customer({ name: 'Ana' });
    const ctx = disk.ctx;

    const { avatarUrl } = await setContactAvatar(ctx, { contactId: contact.id, stream: streamOf(pictures.png) });

    const [, contactId, version] = AVATAR_URL.exec(avatarUrl) ?? [];
    expect(Number(contactId)).toBe(contact.id);
    expect(await avatarUrlOf(contact.id)).toBe(avatarUrl);
    expect(await disk.files()).toEqual([`avatars/${world.accountId}/${version}`]);
    const file = await getContactAvatar(await as(world.admin), { contactId: contact.id });
    expect(file.mimeType).toBe('image/png');
    expect(file.size).toBe(pictures.png.length);
    expect(await bytesOf(file.body)).toEqual(pictures.png);
    expect(ctx.published).toEqual([
      { channel: `private-account-${world.accountId}-inbox-${world.support.id}`, event: 'contact.updated', data: { contactId: contact.id, avatarUrl } },
    ]);
  });

  it('accepts JPEG, WebP and GIF; a new picture gets a new URL and the old file is removed', async () => {
    const { world, disk } = await setup();
    const contact = await world.customer({ name: 'Ana' });
    const urls: string[] = [];

    for (const [picture, type] of [
      [pictures.jpeg, 'image/jpeg'],
      [pictures.webp, 'image/webp'],
      [pictures.gif, 'image/gif'],
    ] as const) {
      const { avatarUrl } = await setContactAvatar(disk.ctx, { contactId: contact.id, stream: streamOf(picture) });
      urls.push(avatarUrl);
      expect((await getContactAvatar(disk.ctx, { contactId: contact.id })).mimeType).toBe(type);
      expect(await disk.files()).toHaveLength(1);
    }
    expect(new Set(urls).size).toBe(3);
    expect(await disk.files()).toEqual([`avatars/${world.accountId}/${AVATAR_URL.exec(urls[2])?.[2]}`]);
  });

  it('refuses what is not a picture (SVG included) and anything over 5 MB, leaving no file and the old avatar in place', async () => {
    const { world, disk } = await setup();
    const contact = await world.customer({ name: 'Ana' });
    const { avatarUrl } = await setContactAvatar(disk.ctx, { contactId: contact.id, stream: streamOf(pictures.png) });
    const before = await disk.files();

    for (const bytes of [pictures.svg, pictures.pdf, pictures.text]) {
      expect(await refusal(() => setContactAvatar(disk.ctx, { contactId: contact.id, stream: streamOf(bytes) }))).toEqual({ code: 'UNSUPPORTED_TYPE', details: {} });
    }
    expect(await refusal(() => setContactAvatar(disk.ctx, { contactId: contact.id, stream: byteStream(5 * 1024 * 1024 + 1, pictures.png) }))).toEqual({
      code: 'TOO_LARGE',
      details: { maxMb: 5 },
    });
    expect((await refusal(() => setContactAvatar(disk.ctx, { contactId: contact.id, stream: streamOf(new Uint8Array()) }))).code).toBe('INVALID_INPUT');
    expect(await disk.files()).toEqual(before);
    expect(await avatarUrlOf(contact.id)).toBe(avatarUrl);

    // Exactly 5 MB is fine.
    const { avatarUrl: large } = await setContactAvatar(disk.ctx, { contactId: contact.id, stream: byteStream(5 * 1024 * 1024, pictures.png) });
    expect((await getContactAvatar(disk.ctx, { contactId: contact.id })).size).toBe(5 * 1024 * 1024);
    expect(await avatarUrlOf(contact.id)).toBe(large);
  });

  it('lets only actors who may see the contact set or read its avatar', async () => {
    const { db, world, disk, as } = await setup();
    const inSales = await world.customer({ name: 'Ventas' }, world.sales.id);
    const other = await createContactsWorld(db);
    const outsider = { ...(await other.ctxOf(other.admin)), storage: disk.storage };

    expect(await refusal(() => setContactAvatar(disk.ctx, { contactId: inSales.id, stream: streamOf(pictures.png) }))).toEqual({
      code: 'NOT_FOUND',
      details: { entity: 'contact' },
    });
    expect((await refusal(() => setContactAvatar(outsider, { contactId: inSales.id, stream: streamOf(pictures.png) }))).code).toBe('NOT_FOUND');
    expect(await disk.files()).toEqual([]);

    await setContactAvatar(await as(world.admin), { contactId: inSales.id, stream: streamOf(pictures.png) });
    expect((await getContactAvatar(await as(world.admin), { contactId: inSales.id })).mimeType).toBe('image/png');
    expect(await refusal(() => getContactAvatar(disk.ctx, { contactId: inSales.id }))).toEqual({ code: 'NOT_FOUND', details: { entity: 'avatar' } });
    expect((await refusal(() => getContactAvatar(outsider, { contactId: inSales.id }))).code).toBe('NOT_FOUND');
  });

  it('has nothing to serve for a contact without an uploaded avatar, or with an external one', async () => {
    const { world, disk } = await setup();
    const plain = await world.customer({ name: 'Sin foto' });
    const external = await world.customer({ name: 'Foto externa', avatarUrl: 'https://cdn.example.test/ana.png' });

    for (const contact of [plain, external]) {
      expect(await refusal(() => getContactAvatar(disk.ctx, { contactId: contact.id }))).toEqual({ code: 'NOT_FOUND', details: { entity: 'avatar' } });
    }
    expect((await refusal(() => getContactAvatar(disk.ctx, { contactId: 'x' }))).code).toBe('NOT_FOUND');
  });
});
