import { uploadAttachment } from '../../_lib/upload-attachment';
import { withActor } from '../../_lib/with-actor';

export const dynamic = 'force-dynamic';

// W3/W4: upload one file (raw body) to a conversation; see _lib/upload-attachment.ts.
export const POST = withActor(uploadAttachment);
