import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import {
  accounts,
  accountUsers,
  customAttributeDefinitions,
  inboxes,
  inboxMembers,
  labels,
  teamMembers,
  teams,
  users,
  type UserPreferences,
} from '../schema';
import type { Tx } from '../client';
import {
  CONTACT_ATTRIBUTES,
  CONVERSATION_ATTRIBUTES,
  DEMO_ACCOUNT_MARKER,
  DEMO_ACCOUNT_NAME,
  DEMO_INBOXES,
  DEMO_LABELS,
  DEMO_TEAMS,
  DEMO_USERS,
  INBOX_KEYS,
  LABEL_KEYS,
  USER_KEYS,
  type InboxKey,
  type LabelKey,
  type TeamKey,
  type UserKey,
} from './catalog';
import type { Rng } from './prng';
import type { DemoRefs } from './types';

const byKey = <K extends string>(keys: readonly K[], ids: number[]) =>
  Object.fromEntries(keys.map((key, i) => [key, ids[i]!])) as Record<K, number>;

// The account, its people, teams, inboxes, labels and attribute definitions.
export const writeWorkspace = async (tx: Tx, rng: Rng, passwordHash: string, now: Date): Promise<DemoRefs> => {
  const since = new Date(now.getTime() - 400 * 86_400_000);
  const [account] = await tx
    .insert(accounts)
    .values({
      name: DEMO_ACCOUNT_NAME,
      locale: 'es',
      timeZone: 'America/Mexico_City',
      settings: { ...DEMO_ACCOUNT_MARKER },
      createdAt: since,
    })
    .returning({ id: accounts.id });
  const accountId = account!.id;

  // Users are global: an earlier demo account may have left them behind; they are reused as they are.
  await tx
    .insert(users)
    .values(
      USER_KEYS.map((key) => ({
        email: DEMO_USERS[key].email,
        name: DEMO_USERS[key].name,
        passwordHash,
        locale: DEMO_USERS[key].locale,
        timeZone: 'America/Mexico_City',
        // Every notification type, so the demo shows "new message where I participate" (P1) too.
        preferences: { enterToSend: key !== 'valeria', notifyOn: ['mention', 'assignment', 'participating_message', 'creation'] as NonNullable<UserPreferences['notifyOn']> },
        createdAt: since,
        updatedAt: since,
      })),
    )
    .onConflictDoNothing();
  const emails = USER_KEYS.map((key) => DEMO_USERS[key].email);
  const found = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  const userIds = byKey(
    USER_KEYS,
    USER_KEYS.map((key) => found.find((u) => u.email.toLowerCase() === DEMO_USERS[key].email)!.id),
  ) as Record<UserKey, number>;
  await tx.insert(accountUsers).values(
    USER_KEYS.map((key) => ({
      accountId,
      userId: userIds[key],
      role: DEMO_USERS[key].role,
      availability: DEMO_USERS[key].availability,
      createdAt: since,
    })),
  );

  const teamKeys = Object.keys(DEMO_TEAMS) as TeamKey[];
  const teamRows = await tx
    .insert(teams)
    .values(teamKeys.map((key) => ({ accountId, name: DEMO_TEAMS[key].name, description: DEMO_TEAMS[key].description, createdAt: since })))
    .returning({ id: teams.id });
  const teamIds = byKey(teamKeys, teamRows.map((r) => r.id));
  await tx
    .insert(teamMembers)
    .values(teamKeys.flatMap((key) => DEMO_TEAMS[key].members.map((user) => ({ teamId: teamIds[key], userId: userIds[user], createdAt: since }))));

  const inboxRows = await tx
    .insert(inboxes)
    .values(
      INBOX_KEYS.map((key) => {
        const inbox = DEMO_INBOXES[key];
        // The widget's HMAC secret is a real secret: never derived from the fixed seed.
        const settings = key === 'web' ? { ...inbox.settings, hmacSecret: randomBytes(24).toString('base64url') } : inbox.settings;
        return { accountId, name: inbox.name, channelType: inbox.channelType, identifier: rng.hex(24), channelSettings: settings, createdAt: since };
      }),
    )
    .returning({ id: inboxes.id });
  const inboxIds = byKey<InboxKey>(INBOX_KEYS, inboxRows.map((r) => r.id));
  await tx
    .insert(inboxMembers)
    .values(INBOX_KEYS.flatMap((key) => DEMO_INBOXES[key].members.map((user) => ({ inboxId: inboxIds[key], userId: userIds[user], createdAt: since }))));

  const labelRows = await tx
    .insert(labels)
    .values(LABEL_KEYS.map((key) => ({ accountId, title: key, description: DEMO_LABELS[key].description, color: DEMO_LABELS[key].color, createdAt: since })))
    .returning({ id: labels.id });
  const labelIds = byKey<LabelKey>(LABEL_KEYS, labelRows.map((r) => r.id));

  await tx.insert(customAttributeDefinitions).values([
    ...CONVERSATION_ATTRIBUTES.map((definition) => ({ accountId, model: 'conversation' as const, ...definition, createdAt: since })),
    ...CONTACT_ATTRIBUTES.map((definition) => ({ accountId, model: 'contact' as const, ...definition, createdAt: since })),
  ]);

  return { accountId, users: userIds, teams: teamIds, inboxes: inboxIds, labels: labelIds };
};
