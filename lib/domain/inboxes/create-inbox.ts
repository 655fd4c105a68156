import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { inboxes, inboxMembers, type Inbox } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { syncApiInboxWebhook } from '../webhooks/api-inbox-webhook';
import { channelSettingsFor, ZChannelSettingsInput, ZChannelType, ZInboxName } from './inbox-schemas';

export const ZCreateInboxInput = z.object({ name: ZInboxName, channelType: ZChannelType, settings: ZChannelSettingsInput.prefault({}) });
export type TCreateInboxInput = z.input<typeof ZCreateInboxInput>;

// Settings: an administrator creates an inbox of a channel type with its settings. It gets a
// random public identifier (the widget and client API use it, never the numeric id). The creator
// becomes a member, so it shows up in their panel even if they later stop being administrator.
export const createInbox = async (ctx: Ctx, input: TCreateInboxInput): Promise<Inbox> => {
  requireAdministrator(ctx.actor);
  const parsed = ZCreateInboxInput.safeParse(input);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path ?? [];
    throw new DomainError('INVALID_INPUT', { field: String(path.at(-1) ?? '') });
  }
  const { name, channelType, settings } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [inbox] = await tx
      .insert(inboxes)
      .values({ accountId: ctx.actor.accountId, name, channelType, identifier: randomBytes(12).toString('hex'), channelSettings: channelSettingsFor(channelType, settings), createdAt: ctx.now() })
      .returning();
    await tx.insert(inboxMembers).values({ inboxId: inbox.id, userId: ctx.actor.userId, createdAt: ctx.now() });
    return syncApiInboxWebhook(tx, inbox);
  });
};
