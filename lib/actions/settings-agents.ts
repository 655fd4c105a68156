'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { changeAgentRole } from '@/lib/domain/agents/change-agent-role';
import { inviteAgent } from '@/lib/domain/agents/invite-agent';
import { resendInvitation } from '@/lib/domain/agents/resend-invitation';
import { setAgentActive } from '@/lib/domain/agents/set-agent-active';
import { formAction, zFormList } from './action';

const ZUserId = z.object({ userId: z.coerce.number().int() });
// Schemas stay outside the exported calls: functions written inline there would be compiled as
// server actions (which must be async).
const ZSetActive = ZUserId.extend({ active: z.enum(['true', 'false']).transform((value) => value === 'true') });

// Settings: an administrator invites an agent by email (a set-password link is mailed).
export const inviteAgentAction = formAction(
  z.object({ name: z.string(), email: z.string(), role: z.enum(['administrator', 'agent']), inboxIds: zFormList(z.coerce.number().int()) }),
  async (ctx, input) => {
    await inviteAgent(ctx, input);
    revalidatePath('/settings/agents');
  },
);

// Settings: a new set-password link for an invitation not yet accepted.
export const resendInvitationAction = formAction(ZUserId, async (ctx, input) => {
  await resendInvitation(ctx, input);
});

// Settings: administrator or agent.
export const changeAgentRoleAction = formAction(ZUserId.extend({ role: z.enum(['administrator', 'agent']) }), async (ctx, input) => {
  await changeAgentRole(ctx, input);
  revalidatePath('/', 'layout');
});

// Settings: deactivate or reactivate a member.
export const setAgentActiveAction = formAction(ZSetActive, async (ctx, input) => {
  await setAgentActive(ctx, input);
  revalidatePath('/', 'layout');
});
