'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addLabelByTitle } from '@/lib/domain/conversations/actions/add-label-by-title';
import { addLabels } from '@/lib/domain/conversations/actions/add-labels';
import { assignAgent } from '@/lib/domain/conversations/actions/assign-agent';
import { assignTeam } from '@/lib/domain/conversations/actions/assign-team';
import { removeLabels } from '@/lib/domain/conversations/actions/remove-labels';
import { ZPriority } from '@/lib/domain/conversations/actions/schemas';
import { setPriority } from '@/lib/domain/conversations/actions/set-priority';
import { saveAttributeValues } from '@/lib/domain/custom-attributes/save-attribute-values';
import { runMacro } from '@/lib/domain/macros/run-macro';
import { addParticipant } from '@/lib/domain/participants/add-participant';
import { removeParticipant } from '@/lib/domain/participants/remove-participant';
import { ZDbId, ZDbIdOrNone } from '@/lib/domain/request-values';
import { formAction, zFormList } from './action';

// A checkbox posts a hidden "false" before the box's "on": the last value sent is the one that counts.
const ZLastValue = z.preprocess((value) => (Array.isArray(value) ? value.at(-1) : value), z.string().max(2000).default(''));

// The sidebar changes what the list, the header and the messages show: re-render them all.
const refresh = () => revalidatePath('/', 'layout');

// X1: assign an agent of the inbox, "me" (Asignarme), or nobody.
export const assignAgentAction = formAction(
  z.object({ conversationId: ZDbId, assigneeId: z.union([z.literal('me'), ZDbIdOrNone]) }),
  async (ctx, input) => {
    await assignAgent(ctx, { conversationId: input.conversationId, assigneeId: input.assigneeId === 'me' ? ctx.actor.userId : input.assigneeId });
    refresh();
  },
);

// X1: assign a team, or none.
export const assignTeamAction = formAction(z.object({ conversationId: ZDbId, teamId: ZDbIdOrNone }), async (ctx, input) => {
  await assignTeam(ctx, input);
  refresh();
});

// X1: the priority ('none' removes it).
export const setPriorityAction = formAction(z.object({ conversationId: ZDbId, priority: ZPriority }), async (ctx, input) => {
  await setPriority(ctx, input);
  refresh();
});

// X1: add one label to the conversation.
export const addLabelAction = formAction(z.object({ conversationId: ZDbId, labelId: ZDbId }), async (ctx, input) => {
  await addLabels(ctx, { conversationId: input.conversationId, labelIds: [input.labelId] });
  refresh();
});

// X1: remove one label (the chip's ×).
export const removeLabelAction = formAction(z.object({ conversationId: ZDbId, labelId: ZDbId }), async (ctx, input) => {
  await removeLabels(ctx, { conversationId: input.conversationId, labelIds: [input.labelId] });
  refresh();
});

// P1: add an agent of the inbox as a participant.
export const addParticipantAction = formAction(z.object({ conversationId: ZDbId, userId: ZDbId }), async (ctx, input) => {
  await addParticipant(ctx, input);
  refresh();
});

// P1: remove a participant (never the assignee: the domain refuses).
export const removeParticipantAction = formAction(z.object({ conversationId: ZDbId, userId: ZDbId }), async (ctx, input) => {
  await removeParticipant(ctx, input);
  refresh();
});

// A1/A2: the sidebar's one "Guardar" for all attributes of a record. Each field posts `value:<key>`
// and what it showed, `was:<key>`; only the fields that changed are saved, an emptied one is cleared.
export const attributeValuesAction = formAction(
  z.looseObject({ model: z.enum(['conversation', 'contact']), recordId: ZDbId, keys: zFormList(z.string().max(100)) }),
  async (ctx, { model, recordId, keys, ...fields }) => {
    const values: Record<string, string | null> = {};
    for (const key of keys.slice(0, 100)) {
      const value = ZLastValue.parse(fields[`value:${key}`]).trim();
      if (value !== ZLastValue.parse(fields[`was:${key}`]).trim()) values[key] = value === '' ? null : value;
    }
    await saveAttributeValues(ctx, { model, recordId, values });
    refresh();
  },
);

// M1: run a macro on the conversation.
export const runMacroAction = formAction(z.object({ conversationId: ZDbId, macroId: ZDbId }), async (ctx, input) => {
  await runMacro(ctx, input);
  refresh();
});

// X1: add a label by its title, created first when the account has none (administrators only).
export const addLabelByTitleAction = formAction(z.object({ conversationId: ZDbId, title: z.string().max(200) }), async (ctx, input) => {
  await addLabelByTitle(ctx, input);
  refresh();
});
