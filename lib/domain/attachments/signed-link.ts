import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attachments, messages } from '@/db/schema';
import type { Storage } from '../context';
import { DomainError } from '../errors';

// Links to attachments for people who do not sign in (the customer reading a transcript): the
// query carries an expiry and an HMAC of (attachment id, expiry) made with the app's secret.
// Only files of customer-visible messages (not private notes) can be opened this way.

const signatureOf = (secret: string, attachmentId: number, expires: number) =>
  createHmac('sha256', secret).update(`attachment:${attachmentId}:${expires}`).digest('base64url');

export const signAttachmentLink = ({ appUrl, attachmentId, expiresAt, secret }: { appUrl: string; attachmentId: number; expiresAt: Date; secret: string }) => {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${appUrl}/api/attachments/${attachmentId}?expires=${expires}&signature=${signatureOf(secret, attachmentId, expires)}`;
};

// The file behind a signed link; NOT_FOUND for a wrong or expired signature, like a missing file.
export const getSignedAttachmentFile = async (
  { db, storage }: { db: Db; storage: Storage },
  { attachmentId, expires, signature, secret, now }: { attachmentId: string; expires: string; signature: string; secret: string; now: Date },
) => {
  const id = Number(attachmentId);
  const until = Number(expires);
  const expected = Number.isInteger(id) && id > 0 && Number.isInteger(until) ? Buffer.from(signatureOf(secret, id, until)) : null;
  const given = Buffer.from(signature);
  const valid = expected !== null && expected.length === given.length && timingSafeEqual(expected, given) && until * 1000 > now.getTime();
  if (!valid) throw new DomainError('NOT_FOUND', { entity: 'attachment' });

  const [row] = await db
    .select({ id: attachments.id, kind: attachments.kind, fileName: attachments.fileName, mimeType: attachments.mimeType, size: attachments.size, storageKey: attachments.storageKey })
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(eq(attachments.id, id), eq(messages.private, false)))
    .limit(1);
  const body = row ? await storage.get(row.storageKey) : null;
  if (!row || !body) throw new DomainError('NOT_FOUND', { entity: 'attachment' });
  const { storageKey: _, ...attachment } = row;
  return { attachment, body };
};
