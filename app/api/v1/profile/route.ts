import { dispatchApi } from '@/lib/api/router';
import { PROFILE_ROUTES } from '@/lib/api/routes';

export const dynamic = 'force-dynamic';

// GET /api/v1/profile: the access token's person (Chatwoot's profile endpoint).
export const GET = (request: Request) => dispatchApi(PROFILE_ROUTES, request, { segments: ['profile'] });
