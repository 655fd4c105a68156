import { DEMO_INBOXES, DEMO_TEAMS, SALES_CHANNELS, type InboxKey, type LabelKey, type Priority, type Status, type TeamKey, type UserKey } from './catalog';
import { TOPICS, type Topic } from './dialogues';
import type { Rng } from './prng';
import type { ContactPlan } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Conversations start within this window before `now`, more of them recently.
const WINDOW = 45 * DAY;

// open: the agent spoke last, or the customer is waiting (again, or for a first reply).
export type Shape = 'agentLast' | 'customerWaiting' | 'reopened' | 'unanswered';

export type ConversationSetup = {
  createdAt: Date;
  contact: ContactPlan;
  inbox: InboxKey;
  topic: Topic;
  status: Status;
  shape: Shape;
  snoozedUntil: Date | null;
  priority: Priority;
  assignee: UserKey | null;
  team: TeamKey | null;
  labels: LabelKey[];
  // A label added by mistake and removed later (labels_removed activity).
  strayLabel: LabelKey | null;
  customAttributes: Record<string, string | number | boolean>;
  // Placeholder values for the dialogue lines.
  vars: Record<string, string>;
};

const money = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' });
const longDate = new Intl.DateTimeFormat('es-MX', { timeZone: 'America/Mexico_City', weekday: 'long', day: 'numeric', month: 'long' });

// Conversation `index` of `total`: creation times grow with the index, so display ids follow creation order.
const creationTime = (rng: Rng, index: number, total: number, now: Date) => {
  const u = (total - index - rng.next()) / total;
  return new Date(now.getTime() - 3 * MINUTE - Math.round(u * u * WINDOW));
};

const chooseStatus = (rng: Rng, ageDays: number): Status =>
  ageDays < 14
    ? rng.weighted([['open', 56], ['pending', 16], ['snoozed', 11], ['resolved', 17]] as const)
    : rng.weighted([['resolved', 60], ['open', 26], ['pending', 9], ['snoozed', 5]] as const);

const chooseShape = (rng: Rng, status: Status, ageDays: number): Shape => {
  if (status === 'open') {
    return rng.weighted([['unanswered', ageDays < 14 ? 22 : 6], ['customerWaiting', 26], ['reopened', 8], ['agentLast', 40]] as const);
  }
  if (status === 'pending') return rng.chance(0.2) ? 'unanswered' : 'agentLast';
  return 'agentLast';
};

// Someone in the inbox, preferring the topic's team; the administrator takes fewer conversations.
const chooseAssignee = (rng: Rng, inbox: InboxKey, team: TeamKey | null): UserKey => {
  const members = DEMO_INBOXES[inbox].members;
  const inTeam = team ? members.filter((m) => DEMO_TEAMS[team].members.includes(m)) : [];
  const pool = inTeam.length > 0 && rng.chance(0.8) ? inTeam : members;
  return rng.weighted(pool.map((m) => [m, m === 'laura' ? 1 : 3] as const));
};

export const setupConversation = (rng: Rng, args: { index: number; total: number; now: Date; contact: ContactPlan }): ConversationSetup => {
  const { index, total, now, contact } = args;
  const createdAt = creationTime(rng, index, total, now);
  const ageDays = (now.getTime() - createdAt.getTime()) / DAY;
  const inbox = rng.pick(contact.inboxes).inbox;
  const topic = rng.weighted(TOPICS.filter(([t]) => !t.inboxes || t.inboxes.includes(inbox)));
  const status = chooseStatus(rng, ageDays);
  const shape = chooseShape(rng, status, ageDays);
  const snoozedUntil =
    status === 'snoozed' && rng.chance(0.65) ? new Date(now.getTime() + rng.int(2 * 60, 6 * 24 * 60) * MINUTE) : null;

  const urgentTopic = topic.labels.includes('urgente');
  const priority: Priority =
    urgentTopic && rng.chance(0.6)
      ? 'urgent'
      : topic.labels.includes('sugerencia')
        ? rng.weighted([['none', 6], ['low', 3], ['medium', 1]] as const)
        : rng.weighted([['none', 42], ['low', 10], ['medium', 20], ['high', 16], ['urgent', 12]] as const);
  const team = topic.team && rng.chance(0.75) ? topic.team : rng.chance(0.1) ? rng.pick(['soporte', 'ventas'] as const) : null;
  const assignee = rng.chance(shape === 'unanswered' ? 0.5 : 0.12) ? null : chooseAssignee(rng, inbox, team);

  const labels = new Set<LabelKey>();
  if (rng.chance(0.85)) {
    for (const label of topic.labels) if (label !== 'urgente' && rng.chance(0.8)) labels.add(label);
    if ((priority === 'urgent' && rng.chance(0.7)) || (urgentTopic && rng.chance(0.5))) labels.add('urgente');
    if (contact.labels.includes('vip')) labels.add('vip');
  }
  const strayCandidates = (['ventas', 'bug', 'sugerencia'] as const).filter((l) => !labels.has(l));
  const strayLabel = labels.size > 0 && strayCandidates.length > 0 && rng.chance(0.06) ? rng.pick(strayCandidates) : null;

  const order = `PED-${rng.int(100_000, 999_999)}`;
  const amount = rng.int(2, 400) * 50 - rng.pick([0, 1, 10]);
  const delivery = new Date(createdAt.getTime() + rng.int(2, 8) * DAY);
  const customAttributes: ConversationSetup['customAttributes'] = {};
  if (topic.order && rng.chance(0.7)) {
    customAttributes.numero_pedido = order;
    if (rng.chance(0.8)) customAttributes.monto = amount;
    if (rng.chance(0.6)) customAttributes.fecha_entrega = delivery.toISOString().slice(0, 10);
    if (rng.chance(0.8)) customAttributes.canal_venta = rng.pick(SALES_CHANNELS);
  } else if (!topic.order && topic.labels.includes('ventas') && rng.chance(0.5)) {
    customAttributes.monto = amount * 10;
  }
  if (rng.chance(0.2)) customAttributes.requiere_seguimiento = status !== 'resolved';

  const vars = {
    cliente: contact.name.split(' ')[0]!,
    ciudad: contact.city,
    plan: String(contact.customAttributes.plan ?? 'Básico'),
    pedido: order,
    monto: money.format(topic.labels.includes('ventas') && !topic.order ? amount * 10 : amount),
    fecha: longDate.format(delivery),
    guia: `${rng.int(1000, 9999)}${rng.int(100_000, 999_999)}`,
    factura: `F-${rng.int(10_000, 99_999)}`,
  };

  return {
    createdAt,
    contact,
    inbox,
    topic,
    status,
    shape,
    snoozedUntil,
    priority,
    assignee,
    team,
    labels: [...labels],
    strayLabel,
    customAttributes,
    vars,
  };
};
