'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addTeamMember, removeTeamMember } from '@/lib/domain/teams/change-team-member';
import { createTeam } from '@/lib/domain/teams/create-team';
import { deleteTeam } from '@/lib/domain/teams/delete-team';
import { updateTeam } from '@/lib/domain/teams/update-team';
import { formAction } from './action';

const ZTeamForm = z.object({ name: z.string(), description: z.string().optional() });
const ZTeamId = z.object({ teamId: z.coerce.number().int() });
const ZMember = ZTeamId.extend({ userId: z.coerce.number().int() });

// Teams change the views panel (V6) of everyone in them: the whole layout is revalidated.
const changed = () => revalidatePath('/', 'layout');

export const createTeamAction = formAction(ZTeamForm, async (ctx, input) => {
  await createTeam(ctx, input);
  changed();
});

export const updateTeamAction = formAction(ZTeamForm.extend(ZTeamId.shape), async (ctx, input) => {
  await updateTeam(ctx, input);
  changed();
});

export const deleteTeamAction = formAction(ZTeamId, async (ctx, input) => {
  await deleteTeam(ctx, input);
  changed();
});

export const addTeamMemberAction = formAction(ZMember, async (ctx, input) => {
  await addTeamMember(ctx, input);
  changed();
});

export const removeTeamMemberAction = formAction(ZMember, async (ctx, input) => {
  await removeTeamMember(ctx, input);
  changed();
});
