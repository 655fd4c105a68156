import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { attachments, conversationLabels, conversationMutes, messages, users, type MacroAction } from '@/db/schema';
import { createMacro } from '@/lib/domain/macros/create-macro';
import { deleteMacro } from '@/lib/domain/macros/delete-macro';
import { storeMacroFile } from '@/lib/domain/macros/store-macro-file';
import { updateMacro } from '@/lib/domain/macros/update-macro';
import { runMacro } from '@/lib/domain/macros/run-macro';
import { useTestDatabase } from '../../helpers/db';
import { createTeamWorkspace, insertMacro, type TeamWorkspace } from '../../helpers/macro-factories';

const database = useTestDatabase();

// Monday 10 March 2025, 09:00 in Mexico City (the agents' default time zone, UTC-6).
const NOW = new Date('2025-03-10T15:00:00Z');

// Runs a one-step personal macro of Carlos (the agent) on a new conversation of the inbox.
const runOne = async (workspace: TeamWorkspace, step: MacroAction, values: Parameters<TeamWorkspace['conversation']>[0] = {}) => {
  const { db } = database();
  const conversation = await workspace.conversation(values);
  const macro = await insertMacro(db, { accountId: workspace.accountId, createdById: workspace.agent.id, name: 'Paso', actions: [step] });
  const after = await runMacro(workspace.agent.ctx, { macroId: macro.id, conversationId: conversation.id });
  return { conversation, after, macro };
};

const timelineOf = async (db: Db, conversationId: number) =>
  db
    .select({ type: messages.messageType, private: messages.private, senderId: messages.senderId, content: messages.content, attributes: messages.contentAttributes })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id));

const activityTexts = async (db: Db, conversationId: number) =>
  (await timelineOf(db, conversationId)).filter((m) => m.type === 'activity').map((m) => m.content);

const MACRO_RAN = 'Carlos ejecutó la macro «Paso»';

describe('each macro action, run by runMacro', () => {
  it('send_message: a public reply from the agent who runs it', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const { conversation } = await runOne(workspace, { action: 'send_message', params: { content: 'Gracias por escribirnos.' } });

    const timeline = await timelineOf(db, conversation.id);
    expect(timeline.map((m) => [m.type, m.private, m.senderId, m.content])).toEqual([
      ['outgoing', false, workspace.agent.id, 'Gracias por escribirnos.'],
      ['activity', false, null, MACRO_RAN],
    ]);
    expect(timeline[1].attributes.activity).toMatchObject({ action: 'macro_run', macroName: 'Paso', actorId: workspace.agent.id });
  });

  it('add_private_note: a private note', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const { conversation } = await runOne(workspace, { action: 'add_private_note', params: { content: 'Escalado con la macro.' } });

    expect((await timelineOf(db, conversation.id)).map((m) => [m.type, m.private, m.content])).toEqual([
      ['outgoing', true, 'Escalado con la macro.'],
      ['activity', false, MACRO_RAN],
    ]);
  });

  it('assign_agent: an agent of the inbox, or "self"', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const sofia = await workspace.person({ name: 'Sofía' });

    const toSofia = await runOne(workspace, { action: 'assign_agent', params: { userId: sofia.id } });
    const toSelf = await runOne(workspace, { action: 'assign_agent', params: { userId: 'self' } });

    expect(toSofia.after.assigneeId).toBe(sofia.id);
    expect(await activityTexts(db, toSofia.conversation.id)).toEqual(['Carlos asignó la conversación a Sofía', MACRO_RAN]);
    expect(toSelf.after.assigneeId).toBe(workspace.agent.id);
    expect(await activityTexts(db, toSelf.conversation.id)).toEqual(['Carlos se asignó la conversación', MACRO_RAN]);
  });

  it('assign_team and remove_team', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const ventas = await workspace.team('Ventas');

    const assigned = await runOne(workspace, { action: 'assign_team', params: { teamId: ventas.id } });
    const removed = await runOne(workspace, { action: 'remove_team' }, { teamId: ventas.id });

    expect(assigned.after.teamId).toBe(ventas.id);
    expect(await activityTexts(db, assigned.conversation.id)).toEqual(['Carlos asignó el equipo Ventas', MACRO_RAN]);
    expect(removed.after.teamId).toBeNull();
    expect(await activityTexts(db, removed.conversation.id)).toEqual(['Carlos quitó el equipo Ventas', MACRO_RAN]);
  });

  it('add_label and remove_label', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const vip = await workspace.label('vip');
    const urgente = await workspace.label('urgente');

    const added = await runOne(workspace, { action: 'add_label', params: { labelIds: [vip.id, urgente.id] } });
    const labelsOf = async (conversationId: number) =>
      (await db.select({ id: conversationLabels.labelId }).from(conversationLabels).where(eq(conversationLabels.conversationId, conversationId))).map((r) => r.id).sort();
    expect(await labelsOf(added.conversation.id)).toEqual([vip.id, urgente.id].sort());
    expect(await activityTexts(db, added.conversation.id)).toEqual(['Carlos añadió las etiquetas urgente, vip', MACRO_RAN]);

    const other = await workspace.conversation();
    await db.insert(conversationLabels).values({ conversationId: other.id, labelId: vip.id });
    const macro = await insertMacro(db, { accountId: workspace.accountId, createdById: workspace.agent.id, name: 'Paso', actions: [{ action: 'remove_label', params: { labelIds: [vip.id] } }] });
    await runMacro(workspace.agent.ctx, { macroId: macro.id, conversationId: other.id });
    expect(await labelsOf(other.id)).toEqual([]);
    expect(await activityTexts(db, other.id)).toEqual(['Carlos quitó la etiqueta vip', MACRO_RAN]);
  });

  it('change_priority', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const { conversation, after } = await runOne(workspace, { action: 'change_priority', params: { priority: 'high' } });

    expect(after.priority).toBe('high');
    expect(await activityTexts(db, conversation.id)).toEqual(['Carlos cambió la prioridad a alta', MACRO_RAN]);
  });

  it('change_status (open, pending, resolved) and resolve_conversation', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });

    const pending = await runOne(workspace, { action: 'change_status', params: { status: 'pending' } });
    const reopened = await runOne(workspace, { action: 'change_status', params: { status: 'open' } }, { status: 'resolved' });
    const resolved = await runOne(workspace, { action: 'resolve_conversation' });

    expect(pending.after.status).toBe('pending');
    expect(await activityTexts(db, pending.conversation.id)).toEqual(['Carlos cambió el estado a pendiente', MACRO_RAN]);
    expect(reopened.after.status).toBe('open');
    expect(await activityTexts(db, reopened.conversation.id)).toEqual(['Carlos reabrió la conversación', MACRO_RAN]);
    expect(resolved.after.status).toBe('resolved');
    expect(await activityTexts(db, resolved.conversation.id)).toEqual(['Carlos cambió el estado a resuelta', MACRO_RAN]);
  });

  it("snooze_conversation: until the customer's next reply, or a preset in the agent's own time zone", async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });

    const nextReply = await runOne(workspace, { action: 'snooze_conversation', params: { until: 'next_reply' } });
    const tomorrow = await runOne(workspace, { action: 'snooze_conversation', params: { preset: 'tomorrow' } });

    expect(nextReply.after).toMatchObject({ status: 'snoozed', snoozedUntil: null });
    expect(await activityTexts(db, nextReply.conversation.id)).toEqual(['Carlos pospuso la conversación hasta la siguiente respuesta del cliente', MACRO_RAN]);
    // Tomorrow at 09:00 in Mexico City.
    expect(tomorrow.after).toMatchObject({ status: 'snoozed', snoozedUntil: new Date('2025-03-11T15:00:00Z') });
    const [snoozed] = (await timelineOf(db, tomorrow.conversation.id)).filter((m) => m.type === 'activity');
    expect(snoozed.attributes.activity).toMatchObject({ action: 'snoozed', snoozedUntil: '2025-03-11T15:00:00.000Z' });
  });

  it('mute_conversation: mutes it for the agent who runs it, 6 hours by default', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const { conversation } = await runOne(workspace, { action: 'mute_conversation' });

    const mutes = await db.select().from(conversationMutes).where(and(eq(conversationMutes.conversationId, conversation.id)));
    expect(mutes).toEqual([{ conversationId: conversation.id, userId: workspace.agent.id, mutedUntil: new Date(NOW.getTime() + 6 * 3_600_000) }]);
    // The mute is the agent's own: only the macro's line is written.
    expect(await activityTexts(db, conversation.id)).toEqual([MACRO_RAN]);
  });

  it('send_transcript: to the contact, the assignee or an address, mailed once the run has committed', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const sofia = await workspace.person({ name: 'Sofía' });
    const { ctx } = workspace.agent;
    const [{ email: sofiaEmail }] = await db.select({ email: users.email }).from(users).where(eq(users.id, sofia.id));

    const toContact = await runOne(workspace, { action: 'send_transcript', params: { to: 'contact' } }, { contactEmail: 'cliente@example.test' });
    await runOne(workspace, { action: 'send_transcript', params: { to: 'assignee' } }, { assigneeId: sofia.id });
    await runOne(workspace, { action: 'send_transcript', params: { to: 'jefa@example.test' } });

    expect(ctx.sentMail.map((mail) => [mail.kind, mail.to])).toEqual([
      ['transcript', ['cliente@example.test']],
      ['transcript', [sofiaEmail]],
      ['transcript', ['jefa@example.test']],
    ]);
    // As in Chatwoot, a transcript writes no activity of its own: only the macro's.
    expect(await activityTexts(db, toContact.conversation.id)).toEqual([MACRO_RAN]);
  });

  it('send_attachment sends a copy of the macro\'s file at every run; deleting the macro removes its file', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const ctx = workspace.agent.ctx;
    const png = await readFile(path.resolve(import.meta.dirname, '../../e2e/fixtures/pixel.png'));
    const file = await storeMacroFile(ctx, { fileName: 'guía.png', stream: new Blob([png]).stream() });
    expect(file).toMatchObject({ fileName: 'guía.png', mimeType: 'image/png', size: png.length });
    expect(file.key.startsWith(`${workspace.accountId}/macros/`)).toBe(true);
    const macro = await createMacro(ctx, { name: 'Guía', actions: [{ action: 'send_attachment', params: { file } }] });

    for (let run = 0; run < 2; run++) {
      const conversation = await workspace.conversation();
      await runMacro(ctx, { macroId: macro.id, conversationId: conversation.id });
      const sent = await db
        .select({ fileName: attachments.fileName, storageKey: attachments.storageKey, type: messages.messageType })
        .from(attachments)
        .innerJoin(messages, eq(messages.id, attachments.messageId))
        .where(eq(messages.conversationId, conversation.id));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ fileName: 'guía.png', type: 'outgoing' });
      // The message's file is a copy: deleting the conversation never takes the macro's file.
      expect(sent[0].storageKey).not.toBe(file.key);
      expect(ctx.storedFiles.get(sent[0].storageKey)?.data).toEqual(new Uint8Array(png));
    }

    await deleteMacro(ctx, { macroId: macro.id });
    expect(ctx.storedFiles.has(file.key)).toBe(false);
  });

  it('a file that is not an allowed type is refused when stored; a step whose file was removed fails its run', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const ctx = workspace.agent.ctx;
    await expect(storeMacroFile(ctx, { fileName: 'virus.exe', stream: new Blob([new Uint8Array([0x4d, 0x5a, 0, 1, 2, 3])]).stream() })).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    expect([...ctx.storedFiles.keys()]).toEqual([]);

    const file = await storeMacroFile(ctx, { fileName: 'nota.txt', stream: new Blob(['hola']).stream() });
    const macro = await createMacro(ctx, { name: 'Nota', actions: [{ action: 'send_attachment', params: { file } }] });
    // Replacing the step removes the file it named.
    const other = await storeMacroFile(ctx, { fileName: 'otra.txt', stream: new Blob(['adiós']).stream() });
    await updateMacro(ctx, { macroId: macro.id, actions: [{ action: 'send_attachment', params: { file: other } }] });
    expect(ctx.storedFiles.has(file.key)).toBe(false);
    expect(ctx.storedFiles.has(other.key)).toBe(true);

    await ctx.storage.delete(other.key);
    const conversation = await workspace.conversation();
    await expect(runMacro(ctx, { macroId: macro.id, conversationId: conversation.id })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { step: 1 } });
    expect(await timelineOf(db, conversation.id)).toEqual([]);
  });

  it("a macro may not name another macro's file, and deleting one macro never deletes a file another still names", async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { now: NOW });
    const carlos = workspace.agent;
    const person = await workspace.person({ name: 'Lucía' });
    // One storage for both agents, as in the app.
    const lucia = { ...person, ctx: { ...person.ctx, storage: carlos.ctx.storage } };
    const note = (content: string) => ({ action: 'add_private_note', params: { content } });
    const file = await storeMacroFile(carlos.ctx, { fileName: 'contrato.txt', stream: new Blob(['confidencial']).stream() });
    const owner = await createMacro(carlos.ctx, { name: 'Contrato', actions: [{ action: 'send_attachment', params: { file } }] });

    // Lucía learned the key (it is in the form of the editor): her personal macro may not name it,
    // neither when created nor when edited, and nothing is saved.
    const step = { action: 'send_attachment', params: { file } };
    await expect(createMacro(lucia.ctx, { name: 'Robo', actions: [note('hola'), step] })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { step: 2, param: 'file' } });
    const hers = await createMacro(lucia.ctx, { name: 'Suya', actions: [note('hola')] });
    await expect(updateMacro(lucia.ctx, { macroId: hers.id, actions: [step] })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { step: 1, param: 'file' } });
    // Neither may another macro of the same owner; the macro that has it keeps it when edited.
    await expect(createMacro(carlos.ctx, { name: 'Copia', actions: [step] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await updateMacro(carlos.ctx, { macroId: owner.id, name: 'Contrato firmado', actions: [note('adjunto'), step] });

    // Two macros that share a file from before this rule: deleting one keeps the file for the other.
    const older = await insertMacro(db, { accountId: workspace.accountId, createdById: lucia.id, actions: [step as MacroAction] });
    await deleteMacro(lucia.ctx, { macroId: older.id });
    expect(carlos.ctx.storedFiles.has(file.key)).toBe(true);
    const conversation = await workspace.conversation();
    await runMacro(carlos.ctx, { macroId: owner.id, conversationId: conversation.id });
    await deleteMacro(carlos.ctx, { macroId: owner.id });
    expect(carlos.ctx.storedFiles.has(file.key)).toBe(false);
  });
});
