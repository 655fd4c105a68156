import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, storeUpload } from '@/lib/domain/attachments/store-upload';
import type { Ctx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';
import { json } from './json-response';

const optionalNumber = (value: string | null): number | undefined => (value === null || value.trim() === '' ? undefined : Number(value));

// POST /api/conversations/:id/attachments, W3/W4. The raw body is the file (so the browser can show
// upload progress and nothing is parsed into memory), streamed into storage by storeUpload:
// X-File-Name (URI-encoded), Content-Type (a hint only), X-Voice-Note: 1 and X-Duration (seconds).
// 201 with the stored attachment, to be sent with a message (attachmentIds).
export const uploadAttachment = async (ctx: Ctx, request: Request, { conversationId }: { conversationId: string }): Promise<Response> => {
  const declaredLength = optionalNumber(request.headers.get('content-length'));
  // Refused before a byte is read when the client says so; otherwise the bytes are counted.
  if (declaredLength !== undefined && declaredLength > MAX_UPLOAD_BYTES) {
    await request.body?.cancel().catch(() => {});
    throw new DomainError('TOO_LARGE', { maxMb: MAX_UPLOAD_MB });
  }
  if (!request.body) throw new DomainError('INVALID_INPUT', { field: 'file' });
  let fileName: string;
  try {
    fileName = decodeURIComponent(request.headers.get('x-file-name') ?? '');
  } catch {
    throw new DomainError('INVALID_INPUT', { field: 'fileName' });
  }
  const voiceNote = request.headers.get('x-voice-note') === '1';
  const stored = await storeUpload(ctx, {
    conversationId,
    fileName,
    declaredType: request.headers.get('content-type') ?? undefined,
    isVoiceNote: voiceNote,
    duration: voiceNote ? optionalNumber(request.headers.get('x-duration')) : undefined,
    expectedSize: declaredLength,
    stream: request.body,
  });
  return json(stored, 201);
};
