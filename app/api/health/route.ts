import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

// Readiness: the app answers and its database does.
export const GET = async () => {
  await (await getDb()).execute(sql`select 1`);
  return Response.json({ status: 'ok' });
};
