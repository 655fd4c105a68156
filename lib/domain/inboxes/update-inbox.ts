import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inboxes, type Inbox } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { ZId } from '../conversations/actions/schemas';
import { DomainError } from '../errors';
import { channelSettingsFor, ZChannelSettingsInput, ZInboxName } from './inbox-schemas';
import { loadAccountInbox } from './load-account-inbox';
import { syncApiInboxWebhook } from '../webhooks/api-inbox-webhook';

export const ZUpdateInboxInput = z.object({ inboxId: ZId, name: ZInboxName, settings: ZChannelSettingsInput.prefault({}) });
export type TUpdateInboxInput = z.input<typeof ZUpdateInboxInput>;

// Settings: an administrator renames an inbox and edits its channel settings. The channel type
// and the public identifier never change (widgets in the wild use it).
export const updateInbox = async (ctx: Ctx, input: TUpdateInboxInput): Promise<Inbox> => {
  requireAdministrator(ctx.actor);
  const parsed = ZUpdateInboxInput.safeParse(input);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path ?? [];
    if (path[0] === 'inboxId') throw new DomainError('NOT_FOUND', { entity: 'inbox' });
    throw new DomainError('INVALID_INPUT', { field: String(path.at(-1) ?? '') });
  }
  const { inboxId, name, settings } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const inbox = await loadAccountInbox(tx, ctx.actor, inboxId);
    const [updated] = await tx
      .update(inboxes)
      .set({ name, channelSettings: channelSettingsFor(inbox.channelType, settings, inbox.channelSettings) })
      .where(eq(inboxes.id, inbox.id))
      .returning();
    return syncApiInboxWebhook(tx, updated);
  });
};
