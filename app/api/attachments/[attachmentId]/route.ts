import { withActor } from '@/app/api/conversations/_lib/with-actor';
import { serveAttachment } from '../_lib/serve-attachment';

export const dynamic = 'force-dynamic';

// W4: an attachment's file, for the agents who may see its conversation.
export const GET = withActor(serveAttachment);
