import { z } from 'zod';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { inTransaction } from '../transactions/in-transaction';
import { ZAgentId } from './agent-schemas';
import { issueInvitation } from './issue-invitation';
import { loadMemberForUpdate } from './load-member';

export const ZResendInvitationInput = z.object({ userId: ZAgentId });
export type TResendInvitationInput = z.input<typeof ZResendInvitationInput>;

// Settings: an administrator mails a new set-password link to an invited member who has not set a
// password yet (older links stop working). Someone who already has a password is CONFLICT
// `invitationAccepted`; a deactivated member is CONFLICT `inactive`.
export const resendInvitation = async (ctx: Ctx, input: TResendInvitationInput): Promise<void> => {
  requireAdministrator(ctx.actor);
  const parsed = ZResendInvitationInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'user' });

  await inTransaction(ctx, async (tx) => {
    const member = await loadMemberForUpdate(tx.db, ctx.actor, parsed.data.userId);
    if (member.hasPassword) throw new DomainError('CONFLICT', { field: 'invitationAccepted' });
    if (!member.active) throw new DomainError('CONFLICT', { field: 'inactive' });
    await issueInvitation(tx, { userId: member.userId });
  });
};
