import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import {
  accounts,
  accountUsers,
  attachments,
  contacts,
  conversationParticipants,
  conversations,
  inboxes,
  inboxMembers,
  mentions,
  messages,
  notifications,
  users,
} from '@/db/schema';
import { DEMO_PASSWORD, DEMO_SIZES, seedDemo } from '@/db/seed';
import { verifyPassword } from '@/lib/auth/password';
import { activityText, type ActivityAttributes } from '@/lib/domain/activity/activity-text';
import { createTestDatabase, useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();
const now = new Date('2025-06-10T15:00:00Z');

beforeAll(async () => {
  expect(await seedDemo(database().db, { now })).toEqual({ seeded: true });
});

const allConversations = (db: Db) => db.select().from(conversations).orderBy(asc(conversations.displayId));
const allMessages = (db: Db) => db.select().from(messages).orderBy(asc(messages.createdAt), asc(messages.id));

// What the demo looks like, independent of ids: the same seed must give the same digest.
const digest = async (db: Db) => {
  const hash = createHash('sha256');
  for (const c of await db.select().from(contacts).orderBy(asc(contacts.id))) hash.update(JSON.stringify([c.name, c.email, c.phone, c.city]));
  for (const c of await allConversations(db)) hash.update(JSON.stringify([c.displayId, c.status, c.priority, c.lastActivityAt.toISOString()]));
  for (const m of await allMessages(db)) hash.update(JSON.stringify([m.messageType, m.senderType, m.private, m.content]));
  return hash.digest('hex');
};

describe('seedDemo', () => {
  it('creates the demo account, its people and inboxes, with agents outside some inboxes', async () => {
    const { db } = database();
    const [account] = await db.select().from(accounts);
    expect(account).toMatchObject({ name: 'Demo Bandeja', locale: 'es', timeZone: 'America/Mexico_City' });

    const people = await db.select({ email: users.email, locale: users.locale, role: accountUsers.role }).from(users).innerJoin(accountUsers, eq(accountUsers.userId, users.id));
    expect(people.map((p) => p.email).sort()).toEqual(
      ['admin@bandeja.test', 'carlos@bandeja.test', 'diego@bandeja.test', 'sofia@bandeja.test', 'valeria@bandeja.test'].sort(),
    );
    expect(people.find((p) => p.email === 'admin@bandeja.test')?.role).toBe('administrator');
    expect(people.filter((p) => p.locale === 'en')).toHaveLength(1);

    const inboxRows = await db.select().from(inboxes);
    expect(inboxRows.map((i) => i.channelType).sort()).toEqual(['api', 'email', 'website']);
    expect(inboxRows.find((i) => i.channelType === 'email')?.channelSettings.emailAddress).toBe('soporte@demo-bandeja.test');
    expect(new Set(inboxRows.map((i) => i.identifier)).size).toBe(3);
    for (const inbox of inboxRows) expect(inbox.identifier).toMatch(/^[0-9a-f]{24}$/);
    const members = await db.select().from(inboxMembers);
    expect(members.length).toBeGreaterThan(3);
    expect(members.length).toBeLessThan(people.length * inboxRows.length);
  });

  it('lets the demo password sign in as every demo user', async () => {
    const rows = await database().db.select({ email: users.email, passwordHash: users.passwordHash }).from(users);
    const admin = rows.find((r) => r.email === 'admin@bandeja.test')!;
    expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(admin.passwordHash, 'otra-cosa')).toBe(false);
    // Hashed once, shared by all.
    expect(new Set(rows.map((r) => r.passwordHash)).size).toBe(1);
  });

  it('fills every status, priority, inbox and assignment, with display ids 1..N', async () => {
    const { db } = database();
    const rows = await allConversations(db);
    expect(rows).toHaveLength(DEMO_SIZES.conversations);
    expect(rows.map((c) => c.displayId)).toEqual(rows.map((_, i) => i + 1));
    const [account] = await db.select().from(accounts);
    expect(account!.lastConversationDisplayId).toBe(rows.length);

    const count = (predicate: (c: (typeof rows)[number]) => boolean) => rows.filter(predicate).length;
    expect(new Set(rows.map((c) => c.status))).toEqual(new Set(['open', 'resolved', 'pending', 'snoozed']));
    expect(count((c) => c.status === 'open')).toBeGreaterThan(count((c) => c.status === 'resolved') - 1);
    expect(new Set(rows.map((c) => c.priority))).toEqual(new Set(['urgent', 'high', 'medium', 'low', 'none']));
    expect(new Set(rows.map((c) => c.inboxId)).size).toBe(3);
    expect(new Set(rows.map((c) => c.teamId)).size).toBe(3);
    expect(new Set(rows.map((c) => c.assigneeId)).size).toBe(6);
    expect(count((c) => c.status === 'snoozed' && c.snoozedUntil === null)).toBeGreaterThan(0);
    expect(count((c) => c.status === 'snoozed' && c.snoozedUntil !== null && c.snoozedUntil > now)).toBeGreaterThan(0);
    expect(count((c) => c.status !== 'snoozed' && c.snoozedUntil !== null)).toBe(0);
    // V3: first reply pending, and customers waiting again after a reply.
    expect(count((c) => c.firstReplyAt === null)).toBeGreaterThan(0);
    expect(count((c) => c.firstReplyAt !== null && c.waitingSince !== null)).toBeGreaterThan(0);
    expect(count((c) => Object.keys(c.customAttributes).length > 0)).toBeGreaterThan(0);
    expect((await db.select().from(contacts)).length).toBe(DEMO_SIZES.contacts);
  });

  it('records activity lines as the app does: the stored sentence is activityText in Spanish, and each renders in English', async () => {
    const { db } = database();
    const activities = (await allMessages(db)).filter((m) => m.messageType === 'activity');
    expect(activities.length).toBeGreaterThan(0);
    for (const m of activities) {
      const activity = m.contentAttributes.activity as ActivityAttributes;
      expect(activity).toHaveProperty('actorName');
      expect(m.content).toBe(activityText(activity, { locale: 'es', timeZone: 'America/Mexico_City' }));
      const english = activityText(activity, { locale: 'en', timeZone: 'America/Mexico_City' });
      expect(english).not.toMatch(/ la conversación|asignó|añadió|pospuso|reabrió|resolvió|El sistema/);
    }
  });

  it('writes every kind of message, consistent with its conversation', async () => {
    const { db } = database();
    const rows = await allMessages(db);
    const kinds = new Set(rows.map((m) => `${m.messageType}/${m.senderType}/${m.private}/${m.sentOutsidePlatform}`));
    expect(kinds).toContain('incoming/contact/false/false'); // B1
    expect(kinds).toContain('outgoing/agent/false/false'); // B2
    expect(kinds).toContain('outgoing/automation/false/false'); // B3 automated
    expect(kinds).toContain('outgoing/automation/false/true'); // B3 sent outside the platform
    expect(kinds).toContain('activity/system/false/false'); // B4
    expect(kinds).toContain('outgoing/agent/true/false'); // B5
    for (const m of rows.filter((m) => m.messageType === 'activity')) {
      expect(m.content).toBeTruthy();
      expect(m.contentAttributes.activity?.action).toBeTruthy();
    }
    const actions = new Set(rows.map((m) => m.contentAttributes.activity?.action).filter(Boolean));
    for (const action of ['assignee_changed', 'status_changed', 'labels_added', 'priority_changed', 'team_changed', 'snoozed']) expect(actions).toContain(action);
    expect(rows.every((m) => m.createdAt <= now)).toBe(true);
    // Accents, so that accent-insensitive search has something to find.
    expect(rows.some((m) => m.content?.includes('razón'))).toBe(true);

    const files = await db.select().from(attachments);
    expect(new Set(files.map((f) => f.kind))).toEqual(new Set(['image', 'audio', 'file']));
    expect(files.some((f) => f.kind === 'audio' && f.isVoiceNote && f.duration! > 0)).toBe(true);
    // One key per attachment: deleting one conversation's file never breaks another's.
    for (const file of files) expect(file.storageKey).toBe(`demo/${file.messageId}/${file.fileName}`);
    expect(new Set(files.map((f) => f.storageKey)).size).toBe(files.length);

    const byConversation = new Map<number, typeof rows>();
    for (const m of rows) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);
    for (const conversation of await allConversations(db)) {
      const list = byConversation.get(conversation.id) ?? [];
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(list.length).toBeLessThanOrEqual(15);
      expect(conversation.lastActivityAt).toEqual(list[list.length - 1]!.createdAt);
      const replies = list.filter((m) => m.messageType === 'outgoing' && m.senderType === 'agent' && !m.private);
      expect(conversation.firstReplyAt).toEqual(replies[0]?.createdAt ?? null);
      expect(list.every((m) => m.inboxId === conversation.inboxId)).toBe(true);
    }
  });

  it('records one mention per mentioned agent and conversation, and makes them participants', async () => {
    const { db } = database();
    const notes = (await allMessages(db)).filter((m) => m.private && (m.contentAttributes.mentionedUserIds?.length ?? 0) > 0);
    expect(notes.length).toBeGreaterThan(0);
    const expected = new Map<string, { messageId: number; at: Date }>();
    for (const note of notes) {
      // The composer's mention markup, so the chat highlights it.
      expect(note.content).toMatch(/@\[\p{L}[^\]]*\]\(user:\d+\)/u);
      for (const userId of note.contentAttributes.mentionedUserIds!) expected.set(`${userId}:${note.conversationId}`, { messageId: note.id, at: note.createdAt });
    }
    const rows = await db.select().from(mentions);
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) expect(expected.get(`${row.userId}:${row.conversationId}`)).toEqual({ messageId: row.messageId, at: row.mentionedAt });

    const participants = new Set((await db.select().from(conversationParticipants)).map((p) => `${p.userId}:${p.conversationId}`));
    for (const key of expected.keys()) expect(participants).toContain(key);
    for (const c of await allConversations(db)) if (c.assigneeId) expect(participants).toContain(`${c.assigneeId}:${c.id}`);
  });

  it('turns every notification type on for the demo people, and notifies participants of the last day\'s messages', async () => {
    const { db } = database();
    for (const { preferences } of await db.select({ preferences: users.preferences }).from(users)) {
      expect([...(preferences.notifyOn ?? [])].sort()).toEqual(['assignment', 'creation', 'mention', 'participating_message']);
    }
    const participating = await db
      .select({ userId: notifications.userId, actorId: notifications.actorId, conversationId: notifications.conversationId, readAt: notifications.readAt, message: messages })
      .from(notifications)
      .innerJoin(messages, eq(messages.id, notifications.messageId))
      .where(eq(notifications.type, 'participating_message'));
    expect(participating.length).toBeGreaterThan(0);
    expect(participating.some((row) => row.readAt === null)).toBe(true);
    const participants = new Set((await db.select().from(conversationParticipants)).map((p) => `${p.userId}:${p.conversationId}`));
    for (const row of participating) {
      expect(row.message.conversationId).toBe(row.conversationId);
      expect(now.getTime() - row.message.createdAt.getTime()).toBeLessThanOrEqual(86_400_000);
      expect(['incoming', 'outgoing']).toContain(row.message.messageType);
      // Never to the writer, never to who the message mentions (they have the mention instead).
      expect(row.userId).not.toBe(row.actorId);
      expect(row.message.contentAttributes.mentionedUserIds ?? []).not.toContain(row.userId);
      expect(participants).toContain(`${row.userId}:${row.conversationId}`);
    }
  });

  it('does nothing the second time', async () => {
    const { db } = database();
    const before = (await db.select().from(messages)).length;
    expect(await seedDemo(db, { now })).toEqual({ seeded: false });
    expect(await db.select().from(accounts)).toHaveLength(1);
    expect((await db.select().from(messages)).length).toBe(before);
  });

  it('gives the same data from the same seed', async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other.db, { now });
      expect(await digest(other.db)).toBe(await digest(database().db));
    } finally {
      await other.close();
    }
  }, 60_000);
});
