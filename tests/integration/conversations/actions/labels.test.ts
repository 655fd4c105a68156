import { describe, expect, it } from 'vitest';
import { addLabels } from '@/lib/domain/conversations/actions/add-labels';
import { removeLabels } from '@/lib/domain/conversations/actions/remove-labels';
import { useTestDatabase } from '../../../helpers/db';
import { activitiesOf, createWorkspace, labelIdsOf, makeLabel } from '../../../helpers/conversation-actions-factories';
import { createAccount, createConversation, createInbox } from '../../../helpers/factories';

const database = useTestDatabase();

describe('addLabels and removeLabels', () => {
  it('adds labels: "Diego añadió las etiquetas facturacion, urgente", returning all the labels by title', async () => {
    const { db } = database();
    const { ctx, me, accountId, conversation } = await createWorkspace(db, { name: 'Diego' });
    const urgente = await makeLabel(db, { accountId, title: 'urgente', color: '#ff0000' });
    const facturacion = await makeLabel(db, { accountId, title: 'facturacion' });
    const open = await conversation();

    const result = await addLabels(ctx, { conversationId: open.id, labelIds: [urgente.id, facturacion.id, urgente.id] });

    expect(result.labels).toEqual([
      { id: facturacion.id, title: 'facturacion', color: '#1f93ff' },
      { id: urgente.id, title: 'urgente', color: '#ff0000' },
    ]);
    expect(result.conversation.updatedAt.getTime()).toBeGreaterThan(open.updatedAt.getTime());
    const [activity] = await activitiesOf(db, open.id);
    expect(activity.content).toBe('Diego añadió las etiquetas facturacion, urgente');
    expect(activity.contentAttributes.activity).toEqual({
      action: 'labels_added',
      labelIds: [facturacion.id, urgente.id],
      labels: ['facturacion', 'urgente'],
      actorId: me.id,
      actorName: 'Diego',
    });
  });

  it('records only the labels that really change; all already there is a no-op', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db, { name: 'Sofía' });
    const vip = await makeLabel(db, { accountId, title: 'vip' });
    const urgente = await makeLabel(db, { accountId, title: 'urgente' });
    const open = await conversation();
    await addLabels(ctx, { conversationId: open.id, labelIds: [urgente.id] });

    await addLabels(ctx, { conversationId: open.id, labelIds: [urgente.id, vip.id] });
    const published = ctx.published.length;
    await addLabels(ctx, { conversationId: open.id, labelIds: [urgente.id, vip.id] });
    expect(ctx.published).toHaveLength(published);

    await removeLabels(ctx, { conversationId: open.id, labelIds: [vip.id] });
    const kept = await removeLabels(ctx, { conversationId: open.id, labelIds: [vip.id] });

    expect(kept.labels.map((label) => label.title)).toEqual(['urgente']);
    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual([
      'Sofía añadió la etiqueta urgente',
      'Sofía añadió la etiqueta vip',
      'Sofía quitó la etiqueta vip',
    ]);
  });

  it('reads in English for an English account', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db, { locale: 'en', name: 'Sofía' });
    const vip = await makeLabel(db, { accountId, title: 'vip' });
    const billing = await makeLabel(db, { accountId, title: 'billing' });
    const open = await conversation();

    await addLabels(ctx, { conversationId: open.id, labelIds: [vip.id, billing.id] });
    await removeLabels(ctx, { conversationId: open.id, labelIds: [vip.id] });

    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual([
      'Sofía added the labels billing, vip',
      'Sofía removed the label vip',
    ]);
  });

  it("refuses another account's label with INVALID_INPUT, adding none of the others", async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db);
    const mine = await makeLabel(db, { accountId });
    const foreign = await makeLabel(db, { accountId: (await createAccount(db)).id });
    const open = await conversation();

    await expect(addLabels(ctx, { conversationId: open.id, labelIds: [mine.id, foreign.id] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'labelIds' },
    });
    await expect(addLabels(ctx, { conversationId: open.id, labelIds: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await labelIdsOf(db, open.id)).toEqual([]);
    expect(await activitiesOf(db, open.id)).toEqual([]);
  });

  it('a conversation of an inbox the agent is not in is NOT_FOUND and keeps its labels', async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db);
    const label = await makeLabel(db, { accountId });
    const hidden = await createConversation(db, { accountId, inboxId: (await createInbox(db, { accountId })).id });

    await expect(addLabels(ctx, { conversationId: hidden.id, labelIds: [label.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeLabels(ctx, { conversationId: hidden.id, labelIds: [label.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await labelIdsOf(db, hidden.id)).toEqual([]);
  });
});
