import { SALES_CHANNELS } from '@/db/seed/catalog';
import { TOPICS, type Topic } from '@/db/seed/dialogues';
import { createRng, deriveSeed, type Rng } from '@/db/seed/prng';
import { DATASET_NOW, HISTORY_DAYS, LABELS, TOPIC_TEAM } from './catalog';
import type { BenchContact } from './contacts';
import type { Workspace } from './workspace';

// The columns of one conversation, drawn from its own seeded stream (the same whatever else is
// generated): who wrote, where, when, and in what state it is now. Messages are drawn afterwards
// (dialogue.ts) to fit these: the last one written lands exactly on lastActivityAt.

export type Status = 'open' | 'resolved' | 'pending' | 'snoozed';
// open: the agent spoke last, or the customer is waiting (again), or nobody answered yet (V3).
export type Shape = 'agentLast' | 'customerWaiting' | 'unanswered';
export type Priority = 'urgent' | 'high' | 'medium' | 'low' | 'none';

export type ConversationHeader = {
  id: number;
  contactIndex: number;
  inboxId: number;
  contactInboxId: number;
  channel: 'website' | 'api' | 'email';
  topic: Topic;
  createdAt: number;
  lastActivityAt: number;
  status: Status;
  shape: Shape;
  snoozedUntil: Date | null;
  priority: Priority;
  assigneeId: number | null;
  teamId: number | null;
  labelIds: number[];
  customAttributes: Record<string, string | number | boolean>;
  // How many messages the dialogue aims at (activities included).
  messageTarget: number;
};

const MINUTE = 60_000;
const DAY = 86_400_000;
const NOW = DATASET_NOW.getTime();
const HISTORY = HISTORY_DAYS * DAY;
const CHANNEL_KEY = { website: 'web', api: 'api', email: 'email' } as const;

// Recent conversations are mostly still open; two-year-old ones are mostly resolved. Over the
// whole history this gives about 15 % open, 75 % resolved, 5 % pending and 5 % snoozed.
const chooseStatus = (rng: Rng, ageDays: number): Status =>
  ageDays < 14
    ? rng.weighted([['open', 50], ['pending', 15], ['snoozed', 15], ['resolved', 20]] as const)
    : ageDays < 90
      ? rng.weighted([['open', 25], ['pending', 8], ['snoozed', 7], ['resolved', 60]] as const)
      : rng.weighted([['open', 12], ['pending', 4], ['snoozed', 4], ['resolved', 80]] as const);

const chooseShape = (rng: Rng, status: Status): Shape => {
  if (status === 'open') return rng.weighted([['unanswered', 20], ['customerWaiting', 30], ['agentLast', 50]] as const);
  if (status === 'pending') return rng.chance(0.2) ? 'unanswered' : 'agentLast';
  return 'agentLast';
};

// Labels past the topic's own, by popularity (Zipf over the account's list).
const ZIPF_LABELS = LABELS.map((_, index) => [index, 1 / (index + 1)] as const);

// Which contacts write: most conversations come from anyone, a quarter from the 5 % who write often.
const chooseContact = (rng: Rng, contacts: number): number =>
  rng.chance(0.25) ? rng.int(0, Math.floor(contacts * 0.05) - 1) : rng.int(0, contacts - 1);

// Conversation `index` of `total`. Creation times grow with the index (display ids follow creation
// order), denser in recent months, as in a growing business.
export const conversationHeader = (seed: number, index: number, total: number, workspace: Workspace, contacts: BenchContact[]): ConversationHeader => {
  const rng = createRng(deriveSeed(seed, 1_000_000 + index));
  const position = ((index + rng.next()) / total) ** (1 / 1.5);
  const createdAt = Math.min(NOW - 10 * MINUTE, Math.round(NOW - HISTORY + position * HISTORY));
  const ageDays = (NOW - createdAt) / DAY;

  const contactIndex = chooseContact(rng, contacts.length);
  const contact = contacts[contactIndex]!;
  const slot = rng.int(0, contact.inboxIds.length - 1);
  const inboxId = contact.inboxIds[slot]!;
  const inbox = workspace.inboxes[inboxId - 1]!;
  const channelKey = CHANNEL_KEY[inbox.channelType];
  const topic = rng.weighted(TOPICS.filter(([candidate]) => !candidate.inboxes || candidate.inboxes.includes(channelKey)));

  const status = chooseStatus(rng, ageDays);
  const shape = chooseShape(rng, status);
  // Most conversations last minutes to days; some open ones came back to life much later.
  const revived = status !== 'resolved' && rng.chance(0.3);
  const span = revived ? rng.next() * (NOW - createdAt) : Math.min(20 * DAY, -Math.log(1 - rng.next()) * 1.5 * DAY);
  const lastActivityAt = Math.min(NOW - MINUTE, Math.round(createdAt + Math.max(2 * MINUTE, span)));
  const snoozedUntil = status === 'snoozed' && rng.chance(0.65) ? new Date(NOW + rng.int(2 * 60, 6 * 24 * 60) * MINUTE) : null;

  const urgentTopic = topic.labels.includes('urgente');
  const priority: Priority =
    urgentTopic && rng.chance(0.5)
      ? 'urgent'
      : rng.weighted([['none', 50], ['low', 10], ['medium', 20], ['high', 12], ['urgent', 8]] as const);
  const assigned = rng.chance(shape === 'unanswered' ? 0.3 : status === 'resolved' ? 0.6 : 0.7);
  // Agents take most conversations; administrators (members of every inbox) a few.
  const assigneeId = assigned
    ? rng.weighted(inbox.memberIds.map((userId) => [userId, workspace.users[userId - 1]!.role === 'administrator' ? 1 : 4] as const))
    : null;
  const teamIndex = topic.team && rng.chance(0.75) ? TOPIC_TEAM[topic.team] : rng.chance(0.15) ? rng.int(0, workspace.teamIds.length - 1) : null;
  const teamId = teamIndex === null ? null : workspace.teamIds[teamIndex % workspace.teamIds.length]!;

  // About 40 % carry labels: some of the topic's, sometimes one or two more by popularity.
  const labelIds = new Set<number>();
  if (rng.chance(0.4)) {
    for (const title of topic.labels) {
      const position = LABELS.indexOf(title as (typeof LABELS)[number]);
      if (position >= 0 && position < workspace.labelIds.length && rng.chance(0.7)) labelIds.add(workspace.labelIds[position]!);
    }
    if (labelIds.size === 0 || rng.chance(0.35)) {
      const extra = rng.weighted(ZIPF_LABELS.filter(([position]) => position < workspace.labelIds.length));
      labelIds.add(workspace.labelIds[extra]!);
    }
    if (contact.vip) labelIds.add(workspace.labelIds[7]!);
  }

  const customAttributes: ConversationHeader['customAttributes'] = {};
  if (topic.order && rng.chance(0.6)) {
    customAttributes.numero_pedido = `PED-${rng.int(100_000, 999_999)}`;
    if (rng.chance(0.8)) customAttributes.monto = rng.int(2, 400) * 50;
    if (rng.chance(0.5)) customAttributes.fecha_entrega = new Date(createdAt + rng.int(2, 8) * DAY).toISOString().slice(0, 10);
    if (rng.chance(0.8)) customAttributes.canal_venta = rng.pick(SALES_CHANNELS);
  }
  if (rng.chance(0.15)) customAttributes.requiere_seguimiento = status !== 'resolved';

  return {
    id: index + 1,
    contactIndex,
    inboxId,
    contactInboxId: contact.firstLinkId + slot,
    channel: inbox.channelType,
    topic,
    createdAt,
    lastActivityAt,
    status,
    shape,
    snoozedUntil,
    priority,
    assigneeId,
    teamId,
    labelIds: [...labelIds].sort((a, b) => a - b),
    customAttributes,
    messageTarget: shape === 'unanswered' ? rng.int(2, 5) : rng.int(5, 14),
  };
};
