import { dispatchApi } from '@/lib/api/router';
import { API_ROUTES } from '@/lib/api/routes';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ accountId: string; path: string[] }> };

// The application API (Chatwoot's /api/v1/accounts/{account_id}/…): one thin entry for every
// endpoint of lib/api/routes.ts, authenticated by access token (lib/api/router.ts).
const handle = async (request: Request, { params }: Params) => {
  const { accountId, path } = await params;
  return dispatchApi(API_ROUTES, request, { accountId, segments: path });
};

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
