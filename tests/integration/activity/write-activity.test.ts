import { describe, expect, it } from 'vitest';
import { activityText, type Activity, type ActivityAttributes } from '@/lib/domain/activity/activity-text';
import { writeActivity } from '@/lib/domain/activity/write-activity';
import { useTestDatabase } from '../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../helpers/conversation-actions-factories';

const database = useTestDatabase();

const esAccount = { locale: 'es', timeZone: 'America/Mexico_City' } as const;
const enAccount = { locale: 'en', timeZone: 'America/Mexico_City' } as const;

// Every action the table knows, with the sentence an agent reads in each language.
const sentences: Array<[Activity, string, string]> = [
  [{ action: 'status_changed', status: 'resolved', previousStatus: 'open' }, 'Laura cambió el estado a resuelta', 'Laura changed the status to resolved'],
  [{ action: 'status_changed', status: 'pending', previousStatus: 'open' }, 'Laura cambió el estado a pendiente', 'Laura changed the status to pending'],
  [
    { action: 'snoozed', snoozedUntil: null, previousStatus: 'open' },
    'Laura pospuso la conversación hasta la siguiente respuesta del cliente',
    "Laura snoozed the conversation until the customer's next reply",
  ],
  [{ action: 'reopened', previousStatus: 'snoozed' }, 'Laura reabrió la conversación', 'Laura reopened the conversation'],
  [
    { action: 'assignee_changed', assigneeId: 2, assigneeName: 'Sofía', previousAssigneeId: null },
    'Laura asignó la conversación a Sofía',
    'Laura assigned the conversation to Sofía',
  ],
  [{ action: 'assignee_changed', assigneeId: 1, assigneeName: 'Laura', previousAssigneeId: 2 }, 'Laura se asignó la conversación', 'Laura self-assigned the conversation'],
  [
    { action: 'assignee_changed', assigneeId: null, assigneeName: null, previousAssigneeId: 2 },
    'Laura quitó la asignación de la conversación',
    'Laura unassigned the conversation',
  ],
  [
    { action: 'team_changed', teamId: 5, teamName: 'Ventas', previousTeamId: null, previousTeamName: null },
    'Laura asignó el equipo Ventas',
    'Laura assigned the team Ventas',
  ],
  [
    { action: 'team_changed', teamId: null, teamName: null, previousTeamId: 5, previousTeamName: 'Ventas' },
    'Laura quitó el equipo Ventas',
    'Laura removed the team Ventas',
  ],
  [{ action: 'priority_changed', priority: 'high', previousPriority: 'none' }, 'Laura cambió la prioridad a alta', 'Laura changed the priority to high'],
  [{ action: 'priority_changed', priority: 'none', previousPriority: 'high' }, 'Laura quitó la prioridad', 'Laura removed the priority'],
  [{ action: 'labels_added', labelIds: [3], labels: ['vip'] }, 'Laura añadió la etiqueta vip', 'Laura added the label vip'],
  [
    { action: 'labels_removed', labelIds: [3, 4], labels: ['facturacion', 'vip'] },
    'Laura quitó las etiquetas facturacion, vip',
    'Laura removed the labels facturacion, vip',
  ],
];

describe('activityText', () => {
  it.each(sentences)('renders %o in Spanish and English', (activity, es, en) => {
    const attributes = { ...activity, actorId: 1, actorName: 'Laura' } as ActivityAttributes;
    expect(activityText(attributes, esAccount)).toBe(es);
    expect(activityText(attributes, enAccount)).toBe(en);
  });

  it('renders a snooze time in the account time zone, and a change by the system', () => {
    const snoozed = { action: 'snoozed', snoozedUntil: '2025-03-12T15:00:00.000Z', previousStatus: 'open', actorId: 1, actorName: 'Laura' } as const;
    expect(activityText(snoozed, enAccount)).toMatch(/^Laura snoozed the conversation until March 12, 2025\D+9:00/);
    expect(activityText(snoozed, { locale: 'en', timeZone: 'Europe/Madrid' })).toMatch(/16:00|4:00/);
    expect(activityText(snoozed, { locale: 'en', timeZone: 'Not/AZone' })).toMatch(/March 12, 2025/);
    expect(activityText({ action: 'reopened', previousStatus: 'snoozed', actorId: null, actorName: null }, esAccount)).toBe(
      'El sistema reabrió la conversación',
    );
  });
});

describe('writeActivity', () => {
  it('writes one system activity message per conversation in one go, without touching last activity', async () => {
    const { db } = database();
    const { me, conversation } = await createWorkspace(db, { name: 'Laura' });
    const lastActivityAt = new Date('2024-05-01T10:00:00Z');
    const first = await conversation({ lastActivityAt });
    const second = await conversation({ lastActivityAt });
    const at = new Date('2025-01-02T03:04:05Z');

    const written = await writeActivity(db, {
      actor: { id: me.id, name: 'Laura' },
      account: esAccount,
      at,
      entries: [
        { conversation: first, activity: { action: 'priority_changed', priority: 'urgent', previousPriority: 'none' } },
        { conversation: second, activity: { action: 'labels_added', labelIds: [1], labels: ['vip'] } },
      ],
    });

    expect(written).toHaveLength(2);
    const [firstActivity] = await activitiesOf(db, first.id);
    expect(firstActivity).toMatchObject({
      accountId: first.accountId,
      inboxId: first.inboxId,
      messageType: 'activity',
      senderType: 'system',
      senderId: null,
      private: false,
      content: 'Laura cambió la prioridad a urgente',
      createdAt: at,
    });
    // The UI re-renders the stored record in the reader's language.
    expect(activityText(firstActivity.contentAttributes.activity as ActivityAttributes, enAccount)).toBe('Laura changed the priority to urgent');
    expect((await activitiesOf(db, second.id)).map((m) => m.content)).toEqual(['Laura añadió la etiqueta vip']);
    for (const { id } of [first, second]) expect((await reload(db, id)).lastActivityAt).toEqual(lastActivityAt);
  });

  it('writes nothing for no entries', async () => {
    const { db } = database();
    expect(await writeActivity(db, { actor: null, account: esAccount, at: new Date(), entries: [] })).toEqual([]);
  });
});
