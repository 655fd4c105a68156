import type postgres from 'postgres';
import { CONTACT_ATTRIBUTES, CONVERSATION_ATTRIBUTES, DEMO_PASSWORD } from '@/db/seed/catalog';
import { FIRST_NAMES, LAST_NAMES, slug } from '@/db/seed/data';
import type { Rng } from '@/db/seed/prng';
import { hashPassword } from '@/lib/auth/password';
import { ACCOUNT_NAME, ACCOUNT_TIME_ZONE, DATASET_NOW, INBOXES, LABEL_COLORS, LABELS, TEAMS, type DatasetSizes } from './catalog';
import { copyRows } from './copy';

// The account and everything the conversations refer to: people, inboxes, teams, labels, custom
// attribute definitions and saved views. Ids are assigned here (1..n, tables were truncated), so the
// rest of the generator can refer to rows before they are written.

export type BenchUser = { id: number; name: string; role: 'administrator' | 'agent'; inboxIds: number[]; teamIds: number[] };
export type BenchInbox = { id: number; channelType: 'website' | 'api' | 'email'; weight: number; memberIds: number[] };

export type Workspace = {
  accountId: number;
  users: BenchUser[];
  inboxes: BenchInbox[];
  teamIds: number[];
  labelIds: number[];
};

const DAY = 86_400_000;

// Picks `count` distinct items with probability proportional to their weight.
const weightedSample = <T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>, count: number): T[] => {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    const pick = rng.weighted(pool.map((entry, index) => [index, entry[1]] as const));
    chosen.push(pool[pick]![0]);
    pool.splice(pick, 1);
  }
  return chosen;
};

// Decides who works where: administrators everywhere, agents in 2-4 inboxes (busy inboxes get more
// people) and 1-2 teams; every inbox ends up with at least three agents.
export const planWorkspace = (rng: Rng, sizes: DatasetSizes): Workspace => {
  const inboxes: BenchInbox[] = INBOXES.slice(0, sizes.inboxes).map((inbox, index) => ({
    id: index + 1,
    channelType: inbox.channelType,
    weight: inbox.weight,
    memberIds: [],
  }));
  const teamIds = Array.from({ length: sizes.teams }, (_, index) => index + 1);
  const names = rng.sample(
    FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`)),
    sizes.agents,
  );
  const users: BenchUser[] = names.map((name, index) => {
    const role = index < sizes.administrators ? 'administrator' : 'agent';
    const inboxIds =
      role === 'administrator'
        ? inboxes.map((inbox) => inbox.id)
        : weightedSample(rng, inboxes.map((inbox) => [inbox.id, inbox.weight + 6] as const), rng.int(2, 4)).sort((a, b) => a - b);
    const teamCount = role === 'administrator' ? 1 : rng.weighted([[1, 3], [2, 1]] as const);
    return { id: index + 1, name, role, inboxIds, teamIds: rng.sample(teamIds, teamCount).sort((a, b) => a - b) };
  });
  for (const inbox of inboxes) {
    const agents = users.filter((user) => user.role === 'agent');
    while (agents.filter((user) => user.inboxIds.includes(inbox.id)).length < 3) {
      const user = rng.pick(agents.filter((candidate) => !candidate.inboxIds.includes(inbox.id)));
      user.inboxIds = [...user.inboxIds, inbox.id].sort((a, b) => a - b);
    }
  }
  for (const inbox of inboxes) inbox.memberIds = users.filter((user) => user.inboxIds.includes(inbox.id)).map((user) => user.id);
  return { accountId: 1, users, inboxes, teamIds, labelIds: LABELS.slice(0, sizes.labels).map((_, index) => index + 1) };
};

// Writes the workspace rows. Every user can sign in with the demo password, to look at the data.
export const writeWorkspace = async (sql: postgres.Sql, rng: Rng, workspace: Workspace): Promise<void> => {
  const since = new Date(DATASET_NOW.getTime() - 800 * DAY);
  const { accountId } = workspace;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await copyRows(sql, 'accounts', ['id', 'name', 'locale', 'time_zone', 'settings', 'last_conversation_display_id', 'created_at'], [
    [accountId, ACCOUNT_NAME, 'es', ACCOUNT_TIME_ZONE, { benchmark: true }, 0, since],
  ]);
  await copyRows(
    sql,
    'users',
    ['id', 'email', 'name', 'password_hash', 'locale', 'time_zone', 'preferences', 'created_at', 'updated_at'],
    workspace.users.map((user, index) => [
      user.id,
      `${user.role === 'administrator' ? 'admin' : 'agente'}${String(index + 1).padStart(2, '0')}.${slug(user.name)}@bandeja-bench.test`,
      user.name,
      passwordHash,
      index % 7 === 6 ? 'en' : 'es',
      ACCOUNT_TIME_ZONE,
      { enterToSend: true, notifyOn: ['mention', 'assignment'] },
      since,
      since,
    ]),
  );
  await copyRows(
    sql,
    'account_users',
    ['account_id', 'user_id', 'role', 'availability', 'active', 'created_at'],
    workspace.users.map((user) => [accountId, user.id, user.role, rng.pick(['online', 'online', 'busy', 'offline'] as const), true, since]),
  );
  await copyRows(
    sql,
    'inboxes',
    ['id', 'account_id', 'name', 'channel_type', 'identifier', 'channel_settings', 'created_at'],
    workspace.inboxes.map((inbox, index) => [
      inbox.id,
      accountId,
      INBOXES[index]!.name,
      inbox.channelType,
      `bench-${rng.hex(20)}`,
      inbox.channelType === 'email' ? { emailAddress: `buzon${inbox.id}@bandeja-bench.test` } : { resolvedConversationPolicy: 'reopen' },
      since,
    ]),
  );
  await copyRows(
    sql,
    'inbox_members',
    ['inbox_id', 'user_id', 'created_at'],
    workspace.inboxes.flatMap((inbox) => inbox.memberIds.map((userId) => [inbox.id, userId, since])),
  );
  await copyRows(
    sql,
    'teams',
    ['id', 'account_id', 'name', 'description', 'allow_auto_assign', 'created_at'],
    workspace.teamIds.map((id, index) => [id, accountId, TEAMS[index % TEAMS.length]!, null, true, since]),
  );
  await copyRows(
    sql,
    'team_members',
    ['team_id', 'user_id', 'created_at'],
    workspace.users.flatMap((user) => user.teamIds.map((teamId) => [teamId, user.id, since])),
  );
  await copyRows(
    sql,
    'labels',
    ['id', 'account_id', 'title', 'description', 'color', 'show_on_sidebar', 'created_at'],
    workspace.labelIds.map((id, index) => [id, accountId, LABELS[index]!, null, LABEL_COLORS[index % LABEL_COLORS.length]!, true, since]),
  );
  await copyRows(
    sql,
    'custom_attribute_definitions',
    ['account_id', 'model', 'key', 'display_name', 'description', 'type', 'list_values', 'regex_pattern', 'regex_hint', 'created_at'],
    [
      ...CONVERSATION_ATTRIBUTES.map((definition) => ['conversation', definition] as const),
      ...CONTACT_ATTRIBUTES.map((definition) => ['contact', definition] as const),
    ].map(([model, definition]) => [
      accountId,
      model,
      definition.key,
      definition.displayName,
      definition.description,
      definition.type,
      definition.listValues ?? [],
      definition.regexPattern ?? null,
      definition.regexHint ?? null,
      since,
    ]),
  );
  // V7: two saved views per person, the kind agents keep ("my urgent ones", "a label in my inbox").
  await copyRows(
    sql,
    'saved_views',
    ['account_id', 'user_id', 'name', 'filter', 'created_at', 'updated_at'],
    workspace.users.flatMap((user) => [
      [
        accountId,
        user.id,
        'Mis urgentes',
        {
          operator: 'and',
          conditions: [
            { field: 'priority', op: 'equal', value: ['urgent', 'high'] },
            { field: 'assignee', op: 'equal', value: ['me'] },
          ],
        },
        since,
        since,
      ],
      [
        accountId,
        user.id,
        'Envíos de mi buzón',
        {
          operator: 'and',
          conditions: [
            { field: 'label', op: 'equal', value: [workspace.labelIds[0]!] },
            { field: 'inbox', op: 'equal', value: [rng.pick(user.inboxIds)] },
          ],
        },
        since,
        since,
      ],
    ]),
  );
};
