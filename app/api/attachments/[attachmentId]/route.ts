import { getDb } from '@/db/client';
import { withActor } from '@/app/api/conversations/_lib/with-actor';
import { errorResponse } from '@/app/api/conversations/_lib/json-response';
import { getSignedAttachmentFile } from '@/lib/domain/attachments/signed-link';
import { linkSecret } from '@/lib/domain/transcripts/send-transcript';
import { getStorage } from '@/lib/storage/storage';
import { fileResponse, serveAttachment } from '../_lib/serve-attachment';

export const dynamic = 'force-dynamic';

const forAgents = withActor(serveAttachment);

// W4: an attachment's file, for the agents who may see its conversation; or, with a signed link
// from a transcript (C4), for the customer who received it.
export const GET = async (request: Request, context: { params: Promise<{ attachmentId: string }> }) => {
  const url = new URL(request.url);
  const signature = url.searchParams.get('signature');
  if (!signature) return forAgents(request, context);
  try {
    const { attachment, body } = await getSignedAttachmentFile(
      { db: await getDb(), storage: getStorage() },
      { attachmentId: (await context.params).attachmentId, expires: url.searchParams.get('expires') ?? '', signature, secret: linkSecret(), now: new Date() },
    );
    return fileResponse(attachment, body);
  } catch (error) {
    return errorResponse(error);
  }
};
