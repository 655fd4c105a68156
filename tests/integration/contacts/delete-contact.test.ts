import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachments, contactInboxes, contacts, conversations, messages } from '@/db/schema';
import { deleteContact } from '@/lib/domain/contacts/delete-contact';
import { previewDelete } from '@/lib/domain/contacts/preview-delete';
import { setContactAvatar } from '@/lib/domain/contacts/set-contact-avatar';
import type { Db } from '@/db/client';
import type { Storage } from '@/lib/domain/context';
import { useTestDatabase } from '../../helpers/db';
import { createMessage } from '../../helpers/factories';
import {
  createContactInbox,
  createContactsWorld,
  createStoredAttachment,
  pictures,
  refusal,
  streamOf,
  withLocalStorage,
} from '../../helpers/contacts-factories';

const database = useTestDatabase();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()?.();
});

// A customer with two conversations (Soporte and Ventas), five messages (one an activity line),
// three attachment files (two sent, one uploaded and not sent yet), an uploaded avatar and a channel
// link; and a bystander in the same inbox whose file must survive. Files live in a real folder.
const customerWithHistory = async (db: Db) => {
  const world = await createContactsWorld(db);
  const disk = await withLocalStorage(await world.ctxOf(world.admin));
  cleanups.push(disk.cleanup);
  const customer = await world.contact({ name: 'Ana' });
  const chat = await world.conversation(customer.id, world.support.id);
  const mail = await world.conversation(customer.id, world.sales.id);
  const photo = await createMessage(db, { conversationId: chat.id, content: 'Mi foto' });
  await createMessage(db, { conversationId: chat.id, messageType: 'outgoing', senderId: world.admin.id, content: 'Gracias' });
  await createMessage(db, { conversationId: chat.id, messageType: 'activity', content: 'Laura resolvió' });
  const invoice = await createMessage(db, { conversationId: mail.id, content: 'Adjunto factura' });
  await createMessage(db, { conversationId: mail.id, content: 'Y el pedido' });
  // A file written by a channel with its message (no conversation_id), one from the dashboard, one not sent yet.
  const files = [
    await createStoredAttachment(db, disk.storage, { accountId: world.accountId, messageId: photo.id }),
    await createStoredAttachment(db, disk.storage, { accountId: world.accountId, messageId: invoice.id, conversationId: mail.id }),
    await createStoredAttachment(db, disk.storage, { accountId: world.accountId, conversationId: chat.id }),
  ];
  await createContactInbox(db, { contactId: customer.id, inboxId: world.support.id });
  await setContactAvatar(disk.ctx, { contactId: customer.id, stream: streamOf(pictures.png) });

  const bystander = await world.customer({ name: 'Otro cliente' });
  const [bystanderChat] = await db.select().from(conversations).where(eq(conversations.contactId, bystander.id));
  const kept = await createMessage(db, { conversationId: bystanderChat.id, content: 'Lo mío se queda' });
  const keptFile = await createStoredAttachment(db, disk.storage, { accountId: world.accountId, messageId: kept.id });
  disk.ctx.published.length = 0;
  return { world, disk, customer, chat, mail, files, bystander, keptFile };
};

describe('deleteContact (K4: "Eliminar contacto")', () => {
  it('states what would be lost: N conversations, M messages (activity lines not counted), K files', async () => {
    const { db } = database();
    const { disk, customer } = await customerWithHistory(db);

    expect(await previewDelete(disk.ctx, { contactId: customer.id })).toEqual({ conversations: 2, messages: 4, attachments: 3 });
  });

  it('deletes the contact, its conversations, messages and attachments for good, and removes their files and its avatar', async () => {
    const { db } = database();
    const { world, disk, customer, chat, mail, files, bystander, keptFile } = await customerWithHistory(db);
    expect(await disk.files()).toHaveLength(5);

    expect(await deleteContact(disk.ctx, { contactId: customer.id })).toEqual({ conversations: 2, messages: 4, attachments: 3 });

    expect(await db.select().from(contacts).where(eq(contacts.id, customer.id))).toEqual([]);
    expect(await db.select().from(conversations).where(inArray(conversations.id, [chat.id, mail.id]))).toEqual([]);
    expect(await db.select().from(messages).where(inArray(messages.conversationId, [chat.id, mail.id]))).toEqual([]);
    expect(await db.select().from(attachments).where(inArray(attachments.id, files.map((file) => file.id)))).toEqual([]);
    expect(await db.select().from(contactInboxes).where(eq(contactInboxes.contactId, customer.id))).toEqual([]);
    // Only the bystander's file is left on disk; the bystander is untouched.
    expect(await disk.files()).toEqual([keptFile.storageKey]);
    expect(await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, bystander.id))).toHaveLength(1);

    const channel = (inboxId: number) => `private-account-${world.accountId}-inbox-${inboxId}`;
    expect(disk.ctx.published).toEqual([
      { channel: channel(world.support.id), event: 'contact.deleted', data: { contactId: customer.id } },
      { channel: channel(world.sales.id), event: 'contact.deleted', data: { contactId: customer.id } },
    ]);
  });

  it('deletes the rows even when storage fails to remove a file: the failure is logged, not thrown', async () => {
    const { db } = database();
    const { disk, customer, chat } = await customerWithHistory(db);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken: Storage = { ...disk.storage, delete: async () => Promise.reject(new Error('disk on fire')) };

    const deleted = await deleteContact({ ...disk.ctx, storage: broken }, { contactId: customer.id });

    expect(deleted.conversations).toBe(2);
    expect(await db.select().from(conversations).where(eq(conversations.id, chat.id))).toEqual([]);
    expect(logged).toHaveBeenCalledTimes(4);
  });

  it('is for administrators only: an agent gets FORBIDDEN, even for a contact they may see, and nothing is deleted', async () => {
    const { db } = database();
    const { world, disk, bystander } = await customerWithHistory(db);
    const agent = { ...(await world.ctxOf(world.agent)), storage: disk.storage };

    expect(await refusal(() => previewDelete(agent, { contactId: bystander.id }))).toEqual({ code: 'FORBIDDEN', details: {} });
    expect(await refusal(() => deleteContact(agent, { contactId: bystander.id }))).toEqual({ code: 'FORBIDDEN', details: {} });
    expect(await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, bystander.id))).toHaveLength(1);
    expect(await disk.files()).toHaveLength(5);
  });

  it('hides contacts of another account like contacts that do not exist', async () => {
    const { db } = database();
    const { disk, customer } = await customerWithHistory(db);
    const other = await createContactsWorld(db);
    const outsider = { ...(await other.ctxOf(other.admin)), storage: disk.storage };

    for (const contactId of [customer.id, 2_000_000_000, 'abc']) {
      expect(await refusal(() => deleteContact(outsider, { contactId }))).toEqual({ code: 'NOT_FOUND', details: { entity: 'contact' } });
      expect((await refusal(() => previewDelete(outsider, { contactId }))).code).toBe('NOT_FOUND');
    }
    expect(await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, customer.id))).toHaveLength(1);
    expect(await disk.files()).toHaveLength(5);
  });
});
