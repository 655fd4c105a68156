import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import type { ExcerptSegment } from '@/lib/domain/search/highlight';
import { searchMessages } from '@/lib/domain/search/search-messages';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createContact, createConversation, createInbox, createMessage, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

// One account with one inbox, an agent in it and an administrator; a conversation with a named contact.
const world = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id, name: 'Soporte', channelType: 'email' });
  const agent = await createUser(db, { accountId: account.id, role: 'agent', inboxIds: [inbox.id], name: 'Laura Agente' });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
  const contact = await createContact(db, { accountId: account.id, name: 'María Núñez' });
  const conversation = await createConversation(db, { accountId: account.id, inboxId: inbox.id, contactId: contact.id });
  const say = (content: string, extra: Partial<Parameters<typeof createMessage>[1]> = {}) =>
    createMessage(db, { conversationId: conversation.id, content, ...extra });
  const search = async (q: string, options: { as?: { id: number }; cursor?: string | null; limit?: number } = {}) =>
    searchMessages(ctxFor(db, await actorFor(db, (options.as ?? agent).id, account.id)), { q, cursor: options.cursor, limit: options.limit });
  return { db, account, inbox, agent, admin, contact, conversation, say, search };
};

const ids = (page: { items: Array<{ message: { id: number } }> }) => page.items.map((item) => item.message.id);
const highlighted = (excerpt: ExcerptSegment[]) => excerpt.filter((segment) => segment.highlighted).map((segment) => segment.text);
const plain = (excerpt: ExcerptSegment[]) => excerpt.map((segment) => segment.text).join('');

describe('searchMessages: matching', () => {
  it('ignores accents both ways: "razon" finds "razón" and "RAZÓN" finds "razon"', async () => {
    const { say, search } = await world();
    const accented = await say('Tiene usted toda la razón');
    const plainText = await say('no hay razon para esperar');

    expect(ids(await search('razon'))).toEqual([plainText.id, accented.id]);
    expect(ids(await search('RAZÓN'))).toEqual([plainText.id, accented.id]);
  });

  it('finds partial words, whatever the case', async () => {
    const { say, search } = await world();
    const message = await say('Tengo un problema con la FACTURACIÓN de marzo');

    expect(ids(await search('factur'))).toEqual([message.id]);
    expect(ids(await search('Facturacion'))).toEqual([message.id]);
    expect(ids(await search('turaci'))).toEqual([message.id]);
  });

  it('treats several words as one phrase, in order', async () => {
    const { say, search } = await world();
    const message = await say('Mi pedido no llega todavía');

    expect(ids(await search('no llega'))).toEqual([message.id]);
    expect(ids(await search('  pedido   NO  llega '))).toEqual([message.id]);
    expect(ids(await search('llega no'))).toEqual([]);
    expect(ids(await search('pedido llega'))).toEqual([]);
  });

  it('returns an empty page when nothing matches, and for queries under two characters', async () => {
    const { say, search } = await world();
    await say('Hola, buenos días');

    expect(await search('adiós')).toEqual({ items: [], nextCursor: null });
    expect(await search('h')).toEqual({ items: [], nextCursor: null });
    expect(await search('   ')).toEqual({ items: [], nextCursor: null });
  });

  it('rejects a query longer than 200 characters', async () => {
    const { search } = await world();
    await expect(search('a'.repeat(201))).rejects.toMatchObject({ name: 'DomainError', code: 'INVALID_INPUT' });
    await expect(search(` ${'a'.repeat(200)} `)).resolves.toEqual({ items: [], nextCursor: null });
  });

  it('matches two-character queries at the start of words', async () => {
    const { say, search } = await world();
    const ok = await say('Ok, muchas gracias');
    await say('Se lo tomó con calma: took it easy');

    expect(ids(await search('ok'))).toEqual([ok.id]);
  });

  it('matches two-character queries at the start of any word, ignoring case and accents', async () => {
    const { say, search } = await world();
    const first = await say('Él llamó ayer');
    const later = await say('Le escribió ÁNGELA desde Éfeso');
    await say('Papel y sello');

    expect(ids(await search('el'))).toEqual([first.id]);
    expect(ids(await search('AN'))).toEqual([later.id]);
    expect(ids(await search('ef'))).toEqual([later.id]);
  });

  it('takes LIKE wildcards and backslashes in the query literally', async () => {
    const { say, search } = await world();
    const percent = await say('Le aplicamos un descuento del 100% en su pedido');
    await say('Son 1000 pesos en total');
    const underscore = await say('Adjunto archivo_final.pdf');
    await say('Adjunto archivoXfinal.pdf');
    const backslash = await say('La ruta es C:\\temp\\logs');
    await say('La ruta es C:/temp/logs');

    expect(ids(await search('100%'))).toEqual([percent.id]);
    expect(ids(await search('0%'))).toEqual([percent.id]);
    expect(ids(await search('%%'))).toEqual([]);
    expect(ids(await search('o_f'))).toEqual([underscore.id]);
    expect(ids(await search('__'))).toEqual([]);
    expect(ids(await search('\\temp'))).toEqual([backslash.id]);
    // unaccent turns fullwidth ％ and ＿ into % and _: they must stay literal too.
    expect(ids(await search('100％'))).toEqual([percent.id]);
    expect(ids(await search('o＿f'))).toEqual([underscore.id]);
    expect(ids(await search('％％'))).toEqual([]);
  });

  it('treats SQL-injection attempts as text to look for', async () => {
    const { db, say, search } = await world();
    const literal = await say("el cliente escribió '; drop table messages; -- por error");
    await say('Un mensaje cualquiera');

    expect(ids(await search("'; drop table messages; --"))).toEqual([literal.id]);
    for (const q of ["%' or '1'='1", "' OR 1=1 --", "razón'); delete from messages; --", "\\'; select pg_sleep(1); --", '$1', '${q}']) {
      expect(ids(await search(q)), q).toEqual([]);
    }
    expect((await db.select({ id: messages.id }).from(messages)).length).toBeGreaterThanOrEqual(2);
  });

  it('searches the whole history: a message from three years ago is found, after newer ones', async () => {
    const { say, search } = await world();
    const old = await say('Consulta sobre la garantía del equipo', { createdAt: new Date(Date.now() - 3 * 365 * 24 * 3600 * 1000) });
    const recent = await say('Sigo esperando la garantía');

    expect(ids(await search('garantia'))).toEqual([recent.id, old.id]);
  });

  it('includes private notes and leaves out activity messages', async () => {
    const { agent, say, search } = await world();
    await say('Conversación asignada a Laura por reembolso', { messageType: 'activity' });
    const note = await say('Nota: revisar el reembolso con finanzas', {
      messageType: 'outgoing',
      private: true,
      senderType: 'agent',
      senderId: agent.id,
    });

    const page = await search('reembolso');
    expect(ids(page)).toEqual([note.id]);
    expect(page.items[0].message).toMatchObject({ private: true, messageType: 'outgoing', senderName: 'Laura Agente' });
  });
});

describe('searchMessages: results', () => {
  it('describes each match with its conversation, inbox, contact and sender', async () => {
    const { agent, inbox, contact, conversation, say, search } = await world();
    const incoming = await say('¿Dónde está mi envío?');
    const outgoing = await say('Su envío sale mañana', { messageType: 'outgoing', senderType: 'agent', senderId: agent.id });

    const page = await search('envio');

    expect(page.nextCursor).toBeNull();
    expect(page.items).toEqual([
      {
        conversationId: conversation.id,
        displayId: conversation.displayId,
        status: 'open',
        inbox: { id: inbox.id, name: 'Soporte', channelType: 'email' },
        contact: { id: contact.id, name: 'María Núñez' },
        message: { id: outgoing.id, createdAt: outgoing.createdAt, messageType: 'outgoing', private: false, senderName: 'Laura Agente' },
        excerpt: [
          { text: 'Su ', highlighted: false },
          { text: 'envío', highlighted: true },
          { text: ' sale mañana', highlighted: false },
        ],
      },
      expect.objectContaining({
        conversationId: conversation.id,
        message: { id: incoming.id, createdAt: incoming.createdAt, messageType: 'incoming', private: false, senderName: 'María Núñez' },
      }),
    ]);
  });

  it('shows an excerpt of about 60 characters around the match, keeping the original accents', async () => {
    const { say, search } = await world();
    const filler = 'Buenas tardes, les escribo porque desde hace varias semanas intento cambiar mis datos';
    await say(`${filler} y no lo consigo. La razón, según el sistema, es que mi cuenta está bloqueada. ${filler}.`);

    const [item] = (await search('RAZON')).items;

    expect(highlighted(item.excerpt)).toEqual(['razón']);
    const text = plain(item.excerpt);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeGreaterThan(40);
    expect(text.length).toBeLessThanOrEqual(70);
    expect(text).toContain('La razón, según');
  });

  it('highlights text that unaccent lengthens ("ß" is "ss") without shifting', async () => {
    const { say, search } = await world();
    await say('Die Lieferung geht an die Hauptstraße 5, Berlin');

    const [item] = (await search('hauptstrasse')).items;
    expect(highlighted(item.excerpt)).toEqual(['Hauptstraße']);
    expect(plain(item.excerpt)).toBe('Die Lieferung geht an die Hauptstraße 5, Berlin');
  });

  it('pages through every match newest first, with no gaps or repeats, even within one millisecond', async () => {
    const { say, search } = await world();
    // Postgres keeps microseconds; a cursor made from a JavaScript Date (milliseconds) would skip some.
    const instants = [
      ...Array.from({ length: 15 }, (_, i) => `2024-06-01T00:${String(i).padStart(2, '0')}:00Z`),
      ...Array.from({ length: 5 }, (_, i) => `2024-05-01T10:00:00.1234${i}0Z`),
      ...Array.from({ length: 5 }, () => '2024-05-01T10:00:00.123456Z'),
    ];
    const created: Array<{ id: number; at: string }> = [];
    for (const [i, at] of instants.entries()) {
      created.push({ id: (await say(`Pedido número ${i} pendiente`, { createdAt: sql`${at}::timestamptz` as unknown as Date })).id, at });
    }
    await say('Otro tema');

    const first = await search('pendiente');
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await search('pendiente', { cursor: first.nextCursor });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();

    // ISO strings of one shape sort like the instants they name.
    const micros = (at: string) => at.replace(/Z$/, '').padEnd(26, '0');
    const expected = [...created].sort((a, b) => micros(b.at).localeCompare(micros(a.at)) || b.id - a.id).map((message) => message.id);
    expect([...ids(first), ...ids(second)]).toEqual(expected);

    const small = await search('pendiente', { limit: 10 });
    expect(small.items).toHaveLength(10);
    expect(ids(await search('pendiente', { limit: 10, cursor: small.nextCursor }))).toEqual(expected.slice(10, 20));
  });

  it('rejects a cursor it did not make', async () => {
    const { search } = await world();
    for (const cursor of ['nonsense', Buffer.from('{"createdAt":"yesterday","id":1}').toString('base64url')]) {
      await expect(search('hola', { cursor })).rejects.toMatchObject({ name: 'DomainError', code: 'INVALID_INPUT' });
    }
  });
});

describe('searchMessages: authorization', () => {
  it('never returns another account’s messages, not even to an administrator', async () => {
    const mine = await world();
    const other = await world();
    const own = await mine.say('Consulta sobre devoluciones');
    await other.say('Consulta sobre devoluciones');

    expect(ids(await mine.search('devoluciones'))).toEqual([own.id]);
    expect(ids(await mine.search('devoluciones', { as: mine.admin }))).toEqual([own.id]);
  });

  it('shows an agent only inboxes they belong to; an administrator every inbox of the account', async () => {
    const { db, account, admin, agent, say, search } = await world();
    const elsewhere = await createInbox(db, { accountId: account.id, name: 'Ventas' });
    const hidden = await createConversation(db, { accountId: account.id, inboxId: elsewhere.id });
    const outside = await createMessage(db, { conversationId: hidden.id, content: 'Cotización urgente' });
    const inside = await say('Cotización pendiente');
    const loner = await createUser(db, { accountId: account.id, role: 'agent' });

    expect(ids(await search('cotizacion', { as: agent }))).toEqual([inside.id]);
    expect(ids(await search('cotizacion', { as: admin }))).toEqual([inside.id, outside.id]);
    expect(ids(await search('cotizacion', { as: loner }))).toEqual([]);
  });
});
