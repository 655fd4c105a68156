import { servedFileName } from '@/lib/domain/attachments/file-name';
import { getAttachmentFile } from '@/lib/domain/attachments/get-attachment-file';
import type { Ctx } from '@/lib/domain/context';

// RFC 6266/5987: an ASCII fallback name for old clients and the exact UTF-8 name in filename*.
const contentDisposition = (type: 'inline' | 'attachment', fileName: string) => {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
};

// GET /api/attachments/:id: the file, only for agents who may see its conversation (404 otherwise).
// Served with the type sniffed at upload, never guessed again by the browser (nosniff). Images,
// audio and video show inline; anything else downloads, and is sandboxed should it be opened.
export const serveAttachment = async (ctx: Ctx, _request: Request, { attachmentId }: { attachmentId: string }): Promise<Response> => {
  const { attachment, body } = await getAttachmentFile(ctx, { attachmentId });
  return fileResponse(attachment, body);
};

type ServedAttachment = { kind: 'image' | 'audio' | 'video' | 'file'; fileName: string; mimeType: string; size: number };

// The response for a file: its sniffed type, inline for media, sandboxed otherwise.
export const fileResponse = (attachment: ServedAttachment, body: ReadableStream<Uint8Array>): Response => {
  const media = attachment.kind !== 'file';
  const headers = new Headers({
    'Content-Type': attachment.mimeType.startsWith('text/') ? `${attachment.mimeType}; charset=utf-8` : attachment.mimeType,
    'Content-Length': String(attachment.size),
    'Content-Disposition': contentDisposition(media ? 'inline' : 'attachment', servedFileName(attachment.fileName, attachment.mimeType)),
    'X-Content-Type-Options': 'nosniff',
    // Attachments never change; the agent's browser may keep them, shared caches may not.
    'Cache-Control': 'private, max-age=3600',
  });
  if (!media) headers.set('Content-Security-Policy', "sandbox; default-src 'none'");
  return new Response(body, { status: 200, headers });
};
