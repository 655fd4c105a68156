import type { SystemCtx } from '../../context';
import { MAX_UPLOAD_BYTES } from '../../attachments/store-upload';
import { cleanFileName } from '../../attachments/file-name';
import { sniffType, SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, createTextCheck } from '../../attachments/sniff-type';

// A file a customer sent (email attachment, API upload).
export type InboundAttachment = { fileName: string; mimeType?: string | null; data: Uint8Array };

export type StoredInboundFile = {
  kind: 'image' | 'audio' | 'video' | 'file';
  fileName: string;
  mimeType: string;
  size: number;
  storageKey: string;
};

export type StoredInboundFiles = { files: StoredInboundFile[]; skipped: { fileName: string; reason: 'too_large' | 'empty' }[] };

const storageKeyFor = (accountId: number, at: Date) =>
  `${accountId}/${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${crypto.randomUUID()}`;

// The type by content, like uploads (W4). A customer's file of another type is kept all the same (a
// customer cannot be asked to send it again), as application/octet-stream: it is served to agents
// only as a download (nosniff, sandboxed), never rendered.
const typeOf = (data: Uint8Array) => {
  const text = createTextCheck();
  text.push(data);
  const sniffed = sniffType({ head: data.subarray(0, SNIFF_HEAD_BYTES), tail: data.subarray(Math.max(0, data.length - SNIFF_TAIL_BYTES)), isText: text.valid });
  return sniffed ? { kind: sniffed.kind, mimeType: sniffed.mimeType } : { kind: 'file' as const, mimeType: 'application/octet-stream' };
};

// Stores the files BEFORE the message's transaction (no storage I/O while rows are locked); files
// over 50 MB are not kept, and listed as skipped. The caller deletes them if the message is not
// written (duplicate delivery, failure).
export const storeInboundFiles = async (ctx: Pick<SystemCtx, 'storage'>, accountId: number, attachments: InboundAttachment[], at: Date): Promise<StoredInboundFiles> => {
  const result: StoredInboundFiles = { files: [], skipped: [] };
  for (const attachment of attachments) {
    const fileName = cleanFileName(attachment.fileName || 'attachment');
    if (attachment.data.length === 0) {
      result.skipped.push({ fileName, reason: 'empty' });
      continue;
    }
    if (attachment.data.length > MAX_UPLOAD_BYTES) {
      result.skipped.push({ fileName, reason: 'too_large' });
      continue;
    }
    const { kind, mimeType } = typeOf(attachment.data);
    const storageKey = storageKeyFor(accountId, at);
    await ctx.storage.put(storageKey, attachment.data, mimeType);
    result.files.push({ kind, fileName, mimeType, size: attachment.data.length, storageKey });
  }
  return result;
};

export const deleteInboundFiles = async (ctx: Pick<SystemCtx, 'storage'>, files: StoredInboundFile[]): Promise<void> => {
  await Promise.all(files.map((file) => ctx.storage.delete(file.storageKey).catch(() => {})));
};
