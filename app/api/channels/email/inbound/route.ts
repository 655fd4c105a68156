import { systemCtx } from '@/app/public/api/v1/_lib/client-api-route';
import { handleEmailInbound } from './handle-email-inbound';

export const dynamic = 'force-dynamic';

export const POST = async (request: Request) => handleEmailInbound(await systemCtx(), request);
