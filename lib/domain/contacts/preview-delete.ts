import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contacts } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { parseContactInput, ZContactId } from './contact-input';
import { contactScope } from './contact-scope';
import { contactFootprint } from './contact-footprint';

export const ZPreviewDeleteInput = z.object({ contactId: ZContactId });
export type TPreviewDeleteInput = z.input<typeof ZPreviewDeleteInput>;

export type DeletePreview = { conversations: number; messages: number; attachments: number };

// K4: what deleting the contact destroys, for the confirmation ("N conversaciones, M mensajes"):
// its conversations in every inbox, their messages (activity lines not counted) and attachment
// files. Administrators only, like the delete itself (FORBIDDEN for agents).
export const previewDelete = async (ctx: Ctx, input: TPreviewDeleteInput): Promise<DeletePreview> => {
  requireAdministrator(ctx.actor);
  const { contactId } = parseContactInput(ZPreviewDeleteInput, input);
  const [contact] = await ctx.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), contactScope(ctx.actor)))
    .limit(1);
  if (!contact) throw new DomainError('NOT_FOUND', { entity: 'contact' });
  const { conversations, messages, attachments } = await contactFootprint(ctx.db, contact.id);
  return { conversations, messages, attachments };
};
