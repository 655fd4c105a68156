import { describe, expect, it } from 'vitest';
import { createMacro } from '@/lib/domain/macros/create-macro';
import { getMacroForEdit } from '@/lib/domain/macros/get-macro-for-edit';
import { applyDraftIntent, decodeDraft, draftFromForm, draftFromMacro, encodeDraft, toMacroActions } from '@/lib/domain/macros/macro-draft';
import { useTestDatabase } from '../../helpers/db';
import { createTeamWorkspace } from '../../helpers/macro-factories';

const database = useTestDatabase();

describe('macro editor (settings form → macro)', () => {
  it('a form with one step of every action saves as a valid macro, and edits back to the same form', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    const [label, team] = await Promise.all([workspace.label('vip'), workspace.team('Ventas')]);
    const steps: Array<Record<string, string | string[]>> = [
      { action: 'send_message', content: 'Hola' },
      { action: 'add_private_note', content: 'Nota' },
      { action: 'assign_agent', userId: String(workspace.agent.id) },
      { action: 'assign_agent', userId: 'self' },
      { action: 'assign_team', teamId: String(team.id) },
      { action: 'remove_team' },
      { action: 'add_label', labelIds: [String(label.id)] },
      { action: 'remove_label', labelIds: String(label.id) },
      { action: 'change_priority', priority: 'urgent' },
      { action: 'change_status', status: 'pending' },
      { action: 'resolve_conversation' },
      { action: 'snooze_conversation', until: 'tomorrow' },
      { action: 'mute_conversation', hours: '12' },
      { action: 'send_transcript', to: 'contact' },
    ];
    const form: Record<string, unknown> = { name: 'Todo', visibility: 'global' };
    steps.forEach((step, index) => Object.entries(step).forEach(([param, value]) => (form[`step.${index}.${param}`] = value)));

    const draft = draftFromForm(form);
    expect(draft.steps).toHaveLength(steps.length);
    const macro = await createMacro(workspace.admin.ctx, { name: draft.name, visibility: draft.visibility, actions: toMacroActions(draft) });
    expect(macro.actions.map((step) => step.action)).toEqual(steps.map((step) => step.action));
    expect(macro.actions[2]).toEqual({ action: 'assign_agent', params: { userId: workspace.agent.id } });
    expect(macro.actions[6]).toEqual({ action: 'add_label', params: { labelIds: [label.id] } });

    const stored = await getMacroForEdit(workspace.admin.ctx, { macroId: macro.id });
    expect(toMacroActions(draftFromMacro(stored))).toEqual(macro.actions);
  });

  it('add, remove, up and down edit the draft; a draft survives the URL and a tampered one is refused', () => {
    const draft = draftFromForm({ name: 'M', 'step.0.action': 'send_message', 'step.0.content': 'uno', 'step.1.action': 'resolve_conversation' });
    expect(applyDraftIntent(draft, 'down:0').steps.map((step) => step.action)).toEqual(['resolve_conversation', 'send_message']);
    expect(applyDraftIntent(draft, 'up:1').steps.map((step) => step.action)).toEqual(['resolve_conversation', 'send_message']);
    expect(applyDraftIntent(draft, 'up:0').steps).toEqual(draft.steps);
    expect(applyDraftIntent(draft, 'remove:0').steps.map((step) => step.action)).toEqual(['resolve_conversation']);
    expect(applyDraftIntent(draft, 'add').steps).toHaveLength(3);
    expect(decodeDraft(encodeDraft(draft))).toEqual(draft);
    expect(decodeDraft('not-base64-json')).toBeNull();
    expect(decodeDraft(Buffer.from(JSON.stringify({ steps: 'x' })).toString('base64url'))).toBeNull();
  });

  it('an agent may open their own macro for editing; a global one is FORBIDDEN, another agent’s NOT_FOUND', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    const other = await workspace.person();
    const mine = await createMacro(workspace.agent.ctx, { name: 'Mía', actions: [{ action: 'resolve_conversation' }] });
    const global = await createMacro(workspace.admin.ctx, { name: 'Global', visibility: 'global', actions: [{ action: 'resolve_conversation' }] });
    expect((await getMacroForEdit(workspace.agent.ctx, { macroId: mine.id })).id).toBe(mine.id);
    await expect(getMacroForEdit(workspace.agent.ctx, { macroId: global.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getMacroForEdit(other.ctx, { macroId: mine.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getMacroForEdit(workspace.admin.ctx, { macroId: 'abc' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
