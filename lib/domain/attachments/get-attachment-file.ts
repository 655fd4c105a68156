import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { attachments, conversations, messages, type Attachment } from '@/db/schema';
import { accountScope, conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZDbId } from '../request-values';

export const ZGetAttachmentFileInput = z.object({ attachmentId: ZDbId });
export type TGetAttachmentFileInput = z.input<typeof ZGetAttachmentFileInput>;

export type AttachmentFile = {
  attachment: Pick<Attachment, 'id' | 'kind' | 'fileName' | 'mimeType' | 'size'>;
  body: ReadableStream<Uint8Array>;
};

// W4: the bytes of an attachment, for an agent who may see its conversation (the inbox's agents
// and the account's administrators). A file not yet sent with a message is only its uploader's.
// Anything else is NOT_FOUND, exactly like an attachment that does not exist.
export const getAttachmentFile = async (ctx: Ctx, input: TGetAttachmentFileInput): Promise<AttachmentFile> => {
  const parsed = ZGetAttachmentFileInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'attachment' });

  const [row] = await ctx.db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      storageKey: attachments.storageKey,
    })
    .from(attachments)
    .leftJoin(messages, eq(messages.id, attachments.messageId))
    // Sent files belong to their message's conversation; uploads to the one they were made in.
    .innerJoin(conversations, eq(conversations.id, sql`coalesce(${messages.conversationId}, ${attachments.conversationId})`))
    .where(
      and(
        eq(attachments.id, parsed.data.attachmentId),
        accountScope(ctx.actor, attachments.accountId),
        conversationScope(ctx.actor),
        or(isNotNull(attachments.messageId), eq(attachments.uploadedById, ctx.actor.userId)),
      ),
    )
    .limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'attachment' });

  const body = await ctx.storage.get(row.storageKey);
  if (!body) throw new DomainError('NOT_FOUND', { entity: 'attachment' });
  const { storageKey: _, ...attachment } = row;
  return { attachment, body };
};
