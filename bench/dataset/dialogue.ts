import {
  AGENT_FAREWELLS,
  AGENT_GREETINGS,
  AGENT_WAITING_ON_CUSTOMER,
  CUSTOMER_NUDGES,
  CUSTOMER_THANKS,
  EMAIL_AUTOREPLY,
  GENERIC_NOTES,
  MENTION_ANSWERS,
  WIDGET_AUTOREPLY,
} from '@/db/seed/dialogues';
import { createRng, deriveSeed, type Rng } from '@/db/seed/prng';
import { activityText, type Activity } from '@/lib/domain/activity/activity-text';
import { ACCOUNT_TIME_ZONE, DATASET_NOW, FILLER_AGENT, FILLER_CUSTOMER, LABELS, PRODUCT_LINES, PRODUCTS } from './catalog';
import type { BenchContact } from './contacts';
import type { ConversationHeader } from './conversation-header';
import type { Workspace } from './workspace';

// The messages of one conversation, from the seed's Spanish support dialogues (with accents, order
// numbers, names and cities filled in) plus a Zipf-distributed product vocabulary, so that message
// search meets the selectivity of real text: a few words in most messages, most words in few.

export type DraftMessage = {
  messageType: 'incoming' | 'outgoing' | 'activity';
  senderType: 'contact' | 'agent' | 'automation' | 'system';
  senderId: number | null;
  private: boolean;
  content: string;
  contentAttributes: Record<string, unknown>;
  status: 'sent' | 'delivered' | 'read';
  at: number;
  mentionedUserId: number | null;
  attachment: boolean;
};

export type Dialogue = {
  messages: DraftMessage[];
  firstReplyAt: number | null;
  waitingSince: number | null;
  // When the last message someone wrote was sent (activities do not count, as in the domain).
  lastActivityAt: number;
  participantIds: number[];
};

const SECOND = 1000;
const NOW = DATASET_NOW.getTime();
const money = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' });
const longDate = new Intl.DateTimeFormat('es-MX', { timeZone: ACCOUNT_TIME_ZONE, day: 'numeric', month: 'long' });
const ZIPF_PRODUCTS = PRODUCTS.map((product, index) => [product, 1 / (index + 1)] as const);
const ACTIVITY_OPTIONS = { locale: 'es', timeZone: ACCOUNT_TIME_ZONE } as const;

const firstNameOf = (name: string) => name.split(' ')[0]!;

// Builds the conversation's messages to fit its header: the shape decides who wrote last, the status
// how it ends; the first message falls on createdAt and the last one written on lastActivityAt.
export const buildDialogue = (seed: number, header: ConversationHeader, workspace: Workspace, contacts: BenchContact[]): Dialogue => {
  const rng: Rng = createRng(deriveSeed(seed, 3_000_000 + header.id));
  const contact = contacts[header.contactIndex]!;
  const contactId = header.contactIndex + 1;
  const inbox = workspace.inboxes[header.inboxId - 1]!;
  const replierId = header.assigneeId ?? rng.pick(inbox.memberIds);
  const replier = workspace.users[replierId - 1]!;
  const { topic } = header;
  const path = rng.int(0, 1);
  const vars: Record<string, string> = {
    cliente: contact.firstName,
    agente: firstNameOf(replier.name),
    ciudad: contact.city,
    plan: contact.plan,
    pedido: String(header.customAttributes.numero_pedido ?? `PED-${rng.int(100_000, 999_999)}`),
    monto: money.format(Number(header.customAttributes.monto ?? rng.int(2, 400) * 50)),
    fecha: longDate.format(new Date(header.createdAt + rng.int(2, 8) * 86_400_000)),
    guia: `${rng.int(1000, 9999)}${rng.int(100_000, 999_999)}`,
    factura: `F-${rng.int(10_000, 99_999)}`,
    producto: rng.weighted(ZIPF_PRODUCTS),
  };
  const fill = (line: string) => line.replace(/\{(\w+)\}/g, (match, key: string) => vars[key] ?? match);
  const variant = (lines: readonly string[]) => lines[path % lines.length]!;

  const messages: DraftMessage[] = [];
  const push = (message: Partial<DraftMessage> & Pick<DraftMessage, 'messageType' | 'senderType' | 'content'>) =>
    messages.push({ senderId: null, private: false, contentAttributes: {}, status: 'sent', at: 0, mentionedUserId: null, attachment: false, ...message });
  const incoming = (content: string) =>
    push({ messageType: 'incoming', senderType: 'contact', senderId: contactId, content, attachment: rng.chance(0.015) });
  const reply = (content: string) => push({ messageType: 'outgoing', senderType: 'agent', senderId: replierId, content, status: 'delivered' });
  const activity = (value: Activity, actorId: number | null) => {
    const actorName = actorId === null ? null : workspace.users[actorId - 1]!.name;
    const attributes = { ...value, actorId, actorName };
    push({ messageType: 'activity', senderType: 'system', content: activityText(attributes, ACTIVITY_OPTIONS), contentAttributes: { activity: attributes } });
  };
  const note = () => {
    const mentionable = inbox.memberIds.filter((id) => id !== replierId);
    const mentioned = rng.chance(0.45) && mentionable.length > 0 ? rng.pick(mentionable) : null;
    const template = mentioned ? (topic.notes.find((line) => line.includes('{mencion}')) ?? '{mencion} ¿me ayudas a revisar este caso?') : rng.pick(GENERIC_NOTES);
    const mencion = mentioned ? `@${workspace.users[mentioned - 1]!.name}` : '';
    push({
      messageType: 'outgoing',
      senderType: 'agent',
      senderId: replierId,
      private: true,
      content: fill(template).replace('{mencion}', mencion),
      contentAttributes: mentioned ? { mentionedUserIds: [mentioned] } : {},
      mentionedUserId: mentioned,
    });
    if (mentioned && rng.chance(0.4)) {
      push({ messageType: 'outgoing', senderType: 'agent', senderId: mentioned, private: true, content: rng.pick(MENTION_ANSWERS) });
    }
  };

  // The customer opens; an automatic reply may follow; triage leaves its activity messages (B4).
  const opening = fill(rng.pick(topic.opening));
  incoming(rng.chance(0.4) ? `${opening} ${fill(rng.pick(PRODUCT_LINES))}` : opening);
  if (header.channel === 'website' && rng.chance(0.5)) push({ messageType: 'outgoing', senderType: 'automation', content: WIDGET_AUTOREPLY, status: 'delivered' });
  if (header.channel === 'email' && rng.chance(0.4)) push({ messageType: 'outgoing', senderType: 'automation', content: EMAIL_AUTOREPLY, status: 'delivered' });
  if (header.assigneeId !== null) {
    const assignee = workspace.users[header.assigneeId - 1]!;
    activity({ action: 'assignee_changed', assigneeId: assignee.id, assigneeName: assignee.name, previousAssigneeId: null }, rng.chance(0.5) ? assignee.id : null);
  }
  if (header.labelIds.length > 0 && rng.chance(0.5)) {
    activity({ action: 'labels_added', labelIds: header.labelIds, labels: header.labelIds.map((id) => LABELS[id - 1]!) }, replierId);
  }
  if (header.priority !== 'none' && rng.chance(0.3)) activity({ action: 'priority_changed', priority: header.priority, previousPriority: 'none' }, replierId);

  const target = header.messageTarget;
  if (header.shape === 'unanswered') {
    // Nobody answered: the customer insists.
    do incoming(fill(rng.pick(CUSTOMER_NUDGES)));
    while (messages.length < target);
  } else {
    const reserve = header.status === 'resolved' ? 3 : header.status === 'open' ? 0 : 1;
    let exchange = 0;
    let agentTurn = true;
    while (messages.length < Math.max(target - reserve, 2) || agentTurn) {
      const current = topic.exchanges[exchange];
      if (agentTurn) {
        const line = current ? fill(variant(current.agent)) : fill(rng.pick(FILLER_AGENT));
        reply(exchange === 0 && !line.includes(vars.cliente!) ? `${fill(rng.pick(AGENT_GREETINGS))}${line}` : line);
        if (rng.chance(0.12)) note();
      } else {
        incoming(current ? fill(variant(current.contact)) : rng.chance(0.3) ? fill(rng.pick(PRODUCT_LINES)) : fill(rng.pick(FILLER_CUSTOMER)));
        exchange += 1;
      }
      agentTurn = !agentTurn;
    }
    // The loop stops after an agent line; the customer may still have the last word.
    if (header.status === 'resolved') {
      incoming(rng.pick(CUSTOMER_THANKS));
      reply(fill(rng.chance(0.6) ? rng.pick(topic.resolution) : rng.pick(AGENT_FAREWELLS)));
      activity({ action: 'status_changed', status: 'resolved', previousStatus: 'open' }, replierId);
    } else if (header.shape === 'customerWaiting') {
      incoming(rng.chance(0.5) ? fill(rng.pick(CUSTOMER_NUDGES)) : fill(rng.pick(FILLER_CUSTOMER)));
    } else if (rng.chance(0.5)) {
      messages.at(-1)!.content += ` ${rng.pick(AGENT_WAITING_ON_CUSTOMER)}`;
    }
  }
  if (header.status === 'pending') activity({ action: 'status_changed', status: 'pending', previousStatus: 'open' }, header.shape === 'unanswered' ? null : replierId);
  if (header.status === 'snoozed') {
    activity({ action: 'snoozed', snoozedUntil: header.snoozedUntil?.toISOString() ?? null, previousStatus: 'open' }, replierId);
  }

  placeInTime(rng, messages, header);
  return derive(messages, header);
};

// The first message at createdAt, the last written one at lastActivityAt, the others in between in
// order; activity messages after the last written one follow it by seconds or minutes.
const placeInTime = (rng: Rng, messages: DraftMessage[], header: ConversationHeader) => {
  let last = messages.length - 1;
  while (last > 0 && messages[last]!.messageType === 'activity') last -= 1;
  const between = Array.from({ length: Math.max(0, last - 1) }, () => rng.next()).sort((a, b) => a - b);
  const span = header.lastActivityAt - header.createdAt;
  messages.forEach((message, index) => {
    if (index === 0) message.at = header.createdAt;
    else if (index < last) message.at = header.createdAt + Math.round(between[index - 1]! * span);
    else if (index === last) message.at = header.lastActivityAt;
    else message.at = Math.min(NOW, messages[index - 1]!.at + rng.int(5, 600) * SECOND);
  });
};

// The conversation columns the domain keeps from its messages: firstReplyAt is the first public
// agent reply; waitingSince the first customer message no agent reply has followed (resolving clears
// it); delivery status "read" once the customer wrote after a reply.
const derive = (messages: DraftMessage[], header: ConversationHeader): Dialogue => {
  let firstReplyAt: number | null = null;
  let waitingSince: number | null = null;
  let lastActivityAt = header.createdAt;
  let customerSince = false;
  const participants = new Set<number>();
  if (header.assigneeId !== null) participants.add(header.assigneeId);
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.messageType === 'incoming') customerSince = true;
    if (message.status === 'delivered' && customerSince) message.status = 'read';
  }
  for (const message of messages) {
    if (message.messageType !== 'activity') lastActivityAt = Math.max(lastActivityAt, message.at);
    if (message.messageType === 'incoming') waitingSince ??= message.at;
    if (message.senderType === 'agent' && !message.private) {
      firstReplyAt ??= message.at;
      waitingSince = null;
    }
    if (message.senderType === 'agent' && message.senderId !== null) participants.add(message.senderId);
    if (message.mentionedUserId !== null) participants.add(message.mentionedUserId);
  }
  if (header.status === 'resolved') waitingSince = null;
  return { messages, firstReplyAt, waitingSince, lastActivityAt, participantIds: [...participants] };
};
