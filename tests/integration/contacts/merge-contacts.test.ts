import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { contactInboxes, contactLabels, contacts, conversations, messages } from '@/db/schema';
import { getContact } from '@/lib/domain/contacts/get-contact';
import { getContactAvatar } from '@/lib/domain/contacts/get-contact-avatar';
import { mergeContacts } from '@/lib/domain/contacts/merge-contacts';
import { previewMerge } from '@/lib/domain/contacts/preview-merge';
import { setContactAvatar } from '@/lib/domain/contacts/set-contact-avatar';
import type { Db } from '@/db/client';
import { useTestDatabase } from '../../helpers/db';
import { createMessage } from '../../helpers/factories';
import {
  createContactInbox,
  createContactLabel,
  createContactsWorld,
  labelContact,
  pictures,
  refusal,
  streamOf,
  withLocalStorage,
} from '../../helpers/contacts-factories';

const database = useTestDatabase();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

// Ana (primary) and Pedro Gómez (secondary, the same customer written in through other channels).
// Pedro has a conversation in Soporte and one in Ventas (an inbox the agent is not in), three
// channel links (one of them the same email address as Ana's link in Ventas, in other case), labels
// and attributes that overlap Ana's, and fields Ana lacks.
const duplicates = async (db: Db) => {
  const world = await createContactsWorld(db);
  const ana = await world.contact({
    name: 'Ana López',
    email: 'ana@example.test',
    bio: 'Bio de Ana',
    socialProfiles: { twitter: 'ana' },
    customAttributes: { plan: 'pro', region: null },
  });
  const pedro = await world.contact({
    name: 'Pedro Gómez',
    email: 'pedro@example.test',
    phone: '+525511112222',
    company: 'Tacos SA',
    bio: 'Bio de Pedro',
    identifier: 'crm-7',
    socialProfiles: { twitter: 'pedro', github: 'pedro' },
    customAttributes: { plan: 'free', region: 'norte', seats: 3 },
    lastActivityAt: new Date('2030-01-02T00:00:00Z'),
  });
  const anaSession = await createContactInbox(db, { contactId: ana.id, inboxId: world.support.id, sourceId: 'sess-a' });
  const anaMail = await createContactInbox(db, { contactId: ana.id, inboxId: world.sales.id, sourceId: 'ana@example.test' });
  const pedroSession = await createContactInbox(db, { contactId: pedro.id, inboxId: world.support.id, sourceId: 'sess-p' });
  const pedroMail = await createContactInbox(db, { contactId: pedro.id, inboxId: world.sales.id, sourceId: 'ANA@example.test' });
  const pedroApi = await createContactInbox(db, { contactId: pedro.id, inboxId: world.api.id, sourceId: 'api-123' });

  const anaChat = await world.conversation(ana.id, world.support.id);
  await db.update(conversations).set({ contactInboxId: anaSession.id }).where(eq(conversations.id, anaChat.id));
  const pedroChat = await world.conversation(pedro.id, world.support.id);
  await db.update(conversations).set({ contactInboxId: pedroSession.id }).where(eq(conversations.id, pedroChat.id));
  const pedroMailThread = await world.conversation(pedro.id, world.sales.id);
  await db.update(conversations).set({ contactInboxId: pedroMail.id }).where(eq(conversations.id, pedroMailThread.id));

  await createMessage(db, { conversationId: anaChat.id, content: 'Hola, soy Ana' });
  await createMessage(db, { conversationId: pedroChat.id, content: 'Hola, soy Pedro' });
  await createMessage(db, { conversationId: pedroChat.id, messageType: 'outgoing', senderId: world.admin.id, content: '¿En qué te ayudo?' });
  await createMessage(db, { conversationId: pedroMailThread.id, content: 'Mi pedido no llegó' });

  const shared = await createContactLabel(db, { accountId: world.accountId, contactId: ana.id, title: 'vip' });
  await labelContact(db, pedro.id, shared.id);
  const onlyPedro = await createContactLabel(db, { accountId: world.accountId, contactId: pedro.id, title: 'mayoreo' });

  return { world, ana, pedro, anaChat, pedroChat, pedroMailThread, anaMail, pedroApi, pedroSession, labels: { shared, onlyPedro } };
};

describe('mergeContacts (K3: "Combinar contacto")', () => {
  it('moves everything to the primary and deletes the secondary: conversations, messages, channel links, labels, attributes and missing fields', async () => {
    const { db } = database();
    const { world, ana, pedro, anaChat, pedroChat, pedroMailThread, anaMail, pedroApi, pedroSession, labels } = await duplicates(db);
    const allChats = [anaChat.id, pedroChat.id, pedroMailThread.id];
    const messagesBefore = await db.select().from(messages).where(inArray(messages.conversationId, allChats)).orderBy(asc(messages.id));
    const ctx = await world.ctxOf(world.admin);

    const { contact, moved } = await mergeContacts(ctx, { primaryId: ana.id, secondaryId: pedro.id });

    expect(moved).toEqual({ conversations: 2, messages: 3, contactInboxes: 3 });
    // The card: Ana's values stay, Pedro's fill what Ana lacked.
    expect(contact).toMatchObject({
      id: ana.id,
      name: 'Ana López',
      email: 'ana@example.test',
      phone: '+525511112222',
      company: 'Tacos SA',
      bio: 'Bio de Ana',
      identifier: 'crm-7',
      socialProfiles: { twitter: 'ana', github: 'pedro' },
      customAttributes: { plan: 'pro', region: 'norte', seats: 3 },
      lastActivityAt: new Date('2030-01-02T00:00:00Z'),
    });
    expect(contact.labels.map((label) => label.id).sort()).toEqual([labels.shared.id, labels.onlyPedro.id].sort());
    expect(await db.select().from(contactLabels).where(eq(contactLabels.contactId, pedro.id))).toEqual([]);

    // Pedro is gone; all three conversations are Ana's, in both inboxes.
    expect(await db.select().from(contacts).where(eq(contacts.id, pedro.id))).toEqual([]);
    expect((await refusal(() => getContact(ctx, { contactId: pedro.id }))).code).toBe('NOT_FOUND');
    const chats = await db.select().from(conversations).where(inArray(conversations.id, allChats));
    expect(chats.map((chat) => chat.contactId)).toEqual([ana.id, ana.id, ana.id]);

    // Channel links: Pedro's move, except his spelling of Ana's address, whose thread now uses Ana's link.
    const links = await db.select().from(contactInboxes).where(eq(contactInboxes.contactId, ana.id)).orderBy(asc(contactInboxes.id));
    expect(links.map((link) => link.sourceId).sort()).toEqual(['ana@example.test', 'api-123', 'sess-a', 'sess-p']);
    expect(links.map((link) => link.id)).toEqual(expect.arrayContaining([pedroApi.id, pedroSession.id]));
    expect(chats.find((chat) => chat.id === pedroMailThread.id)?.contactInboxId).toBe(anaMail.id);
    expect(chats.find((chat) => chat.id === pedroChat.id)?.contactInboxId).toBe(pedroSession.id);

    // Nothing lost: every message is still there, Pedro's own now sent by Ana; one activity line per moved conversation.
    const messagesAfter = await db.select().from(messages).where(inArray(messages.conversationId, allChats)).orderBy(asc(messages.id));
    const written = messagesAfter.filter((message) => message.messageType !== 'activity');
    expect(written.map((message) => [message.id, message.content])).toEqual(messagesBefore.map((message) => [message.id, message.content]));
    expect(written.filter((message) => message.senderType === 'contact').map((message) => message.senderId)).toEqual([ana.id, ana.id, ana.id]);
    expect(written.find((message) => message.messageType === 'outgoing')?.senderId).toBe(world.admin.id);
    const activity = messagesAfter.filter((message) => message.messageType === 'activity');
    expect(activity.map((message) => message.conversationId).sort()).toEqual([pedroChat.id, pedroMailThread.id].sort());
    expect(activity.map((message) => message.content)).toEqual([
      'Laura combinó a Pedro Gómez con este contacto',
      'Laura combinó a Pedro Gómez con este contacto',
    ]);
    expect(activity[0].contentAttributes.activity).toMatchObject({ action: 'contact_merged', primaryId: ana.id, secondaryId: pedro.id, actorId: world.admin.id });
  });

  it('tells every agent showing either contact: contact.merged on each inbox, and the moved conversations’ changes', async () => {
    const { db } = database();
    const { world, ana, pedro, pedroChat, pedroMailThread } = await duplicates(db);
    const ctx = await world.ctxOf(world.admin);

    await mergeContacts(ctx, { primaryId: ana.id, secondaryId: pedro.id });

    const channel = (inboxId: number) => `private-account-${world.accountId}-inbox-${inboxId}`;
    const merged = ctx.published.filter((event) => event.event === 'contact.merged');
    expect(merged).toEqual([
      { channel: channel(world.support.id), event: 'contact.merged', data: { primaryId: ana.id, secondaryId: pedro.id } },
      { channel: channel(world.sales.id), event: 'contact.merged', data: { primaryId: ana.id, secondaryId: pedro.id } },
    ]);
    const updated = ctx.published.filter((event) => event.event === 'conversation.updated');
    expect(updated.map((event) => [event.channel, event.data.conversationId, event.data.contactId])).toEqual([
      [channel(world.support.id), pedroChat.id, ana.id],
      [channel(world.sales.id), pedroMailThread.id, ana.id],
    ]);
    expect(ctx.published.filter((event) => event.event === 'message.created').map((event) => event.data.conversationId)).toEqual([pedroChat.id, pedroMailThread.id]);
  });

  it('shows what a merge would move, and changes nothing', async () => {
    const { db } = database();
    const { world, ana, pedro } = await duplicates(db);
    const ctx = await world.ctxOf(world.admin);

    const preview = await previewMerge(ctx, { primaryId: ana.id, secondaryId: pedro.id });

    expect(preview.primary).toMatchObject({ id: ana.id, name: 'Ana López' });
    expect(preview.secondary).toMatchObject({ id: pedro.id, name: 'Pedro Gómez', company: 'Tacos SA' });
    expect(preview.moves).toEqual({
      conversations: 2,
      messages: 3,
      contactInboxes: 3,
      attributes: { kept: ['plan'], added: ['region', 'seats'] },
      fields: ['phone', 'company', 'identifier', 'github'],
    });
    expect((await getContact(ctx, { contactId: pedro.id })).name).toBe('Pedro Gómez');
    expect(ctx.published).toEqual([]);
  });

  it('gives the primary the secondary’s email and phone when it has none (the unique indexes allow it)', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const primary = await world.customer({ name: 'Visitante', email: null });
    const secondary = await world.customer({ name: 'Luis', email: 'luis@example.test', phone: '+34911222333', identifier: 'crm-1' });

    const { contact } = await mergeContacts(await world.ctxOf(world.agent), { primaryId: primary.id, secondaryId: secondary.id });

    expect(contact).toMatchObject({ name: 'Visitante', email: 'luis@example.test', phone: '+34911222333', identifier: 'crm-1' });
  });

  it('keeps one avatar: the primary takes the secondary’s uploaded picture when it has none, else the secondary’s file is removed', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const disk = await withLocalStorage(await world.ctxOf(world.admin));
    cleanups.push(disk.cleanup);
    const ctx = disk.ctx;

    const bare = await world.customer({ name: 'Sin foto' });
    const pictured = await world.customer({ name: 'Con foto' });
    const { avatarUrl } = await setContactAvatar(ctx, { contactId: pictured.id, stream: streamOf(pictures.jpeg) });
    const { contact } = await mergeContacts(ctx, { primaryId: bare.id, secondaryId: pictured.id });
    expect(contact.avatarUrl).toBe(avatarUrl.replace(`/contacts/${pictured.id}/`, `/contacts/${bare.id}/`));
    expect((await getContactAvatar(ctx, { contactId: bare.id })).mimeType).toBe('image/jpeg');
    expect(await disk.files()).toHaveLength(1);

    const other = await world.customer({ name: 'Otra foto' });
    await setContactAvatar(ctx, { contactId: other.id, stream: streamOf(pictures.png) });
    expect(await disk.files()).toHaveLength(2);
    await mergeContacts(ctx, { primaryId: bare.id, secondaryId: other.id });
    expect((await getContactAvatar(ctx, { contactId: bare.id })).mimeType).toBe('image/jpeg');
    expect(await disk.files()).toHaveLength(1);
  });

  it('refuses a merge of a contact with itself, across accounts, of contacts the agent may not see, and of a contact already merged', async () => {
    const { db } = database();
    const { world, ana, pedro } = await duplicates(db);
    const other = await createContactsWorld(db);
    const stranger = await other.customer({ name: 'Otra cuenta' });
    const admin = await world.ctxOf(world.admin);
    const agent = await world.ctxOf(world.agent);

    expect(await refusal(() => mergeContacts(admin, { primaryId: ana.id, secondaryId: ana.id }))).toEqual({
      code: 'INVALID_INPUT',
      details: { field: 'secondaryId', reason: 'same_contact' },
    });
    expect((await refusal(() => previewMerge(admin, { primaryId: ana.id, secondaryId: String(ana.id) }))).details.reason).toBe('same_contact');
    for (const pair of [
      { primaryId: ana.id, secondaryId: stranger.id },
      { primaryId: stranger.id, secondaryId: ana.id },
      { primaryId: ana.id, secondaryId: 'nope' },
    ]) {
      expect(await refusal(() => mergeContacts(admin, pair))).toEqual({ code: 'NOT_FOUND', details: { entity: 'contact' } });
      expect((await refusal(() => previewMerge(admin, pair))).code).toBe('NOT_FOUND');
    }
    expect((await refusal(async () => mergeContacts(await other.ctxOf(other.admin), { primaryId: stranger.id, secondaryId: ana.id }))).code).toBe('NOT_FOUND');

    // The agent is in Soporte only: a customer who wrote only to Ventas is not theirs to merge, either way.
    const salesOnly = await world.customer({ name: 'Solo Ventas' }, world.sales.id);
    expect((await refusal(() => mergeContacts(agent, { primaryId: pedro.id, secondaryId: salesOnly.id }))).code).toBe('NOT_FOUND');
    expect((await refusal(() => mergeContacts(agent, { primaryId: salesOnly.id, secondaryId: pedro.id }))).code).toBe('NOT_FOUND');
    expect((await refusal(() => previewMerge(agent, { primaryId: pedro.id, secondaryId: salesOnly.id }))).code).toBe('NOT_FOUND');
    expect(await db.select({ id: contacts.id }).from(contacts).where(inArray(contacts.id, [ana.id, pedro.id, stranger.id, salesOnly.id]))).toHaveLength(4);

    await mergeContacts(admin, { primaryId: ana.id, secondaryId: pedro.id });
    expect(await refusal(() => mergeContacts(admin, { primaryId: ana.id, secondaryId: pedro.id }))).toEqual({ code: 'NOT_FOUND', details: { entity: 'contact' } });
    expect((await refusal(() => mergeContacts(admin, { primaryId: pedro.id, secondaryId: ana.id }))).code).toBe('NOT_FOUND');
  });

  it('lets an agent who may see both contacts merge them, moving also the conversations of inboxes the agent is not in', async () => {
    const { db } = database();
    const world = await createContactsWorld(db);
    const primary = await world.customer({ name: 'Ana' });
    const secondary = await world.customer({ name: 'Ana (duplicada)' });
    const hidden = await world.conversation(secondary.id, world.sales.id);
    const agent = await world.ctxOf(world.agent);

    const { moved } = await mergeContacts(agent, { primaryId: primary.id, secondaryId: secondary.id });

    expect(moved.conversations).toBe(2);
    const [row] = await db.select({ contactId: conversations.contactId }).from(conversations).where(and(eq(conversations.id, hidden.id)));
    expect(row.contactId).toBe(primary.id);
    const [activity] = await db.select().from(messages).where(and(eq(messages.conversationId, hidden.id), eq(messages.messageType, 'activity')));
    expect(activity.content).toBe('Pedro combinó a Ana (duplicada) con este contacto');
  });
});
