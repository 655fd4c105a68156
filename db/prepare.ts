import { getDatabase } from './client';
import { migrateDatabase } from './migrate';
import { seedDemo } from './seed';
import { writeDemoFiles } from './seed/demo-files';
import { getStorage } from '@/lib/storage/storage';

// Brings the configured database up to date before the app serves. The embedded database is
// seeded with demo data on its first start (never again); a PostgreSQL server only when
// BANDEJA_SEED_DEMO=true, since production data is not ours to add to (`npm run db:seed` does it).
export const prepareDatabase = async (): Promise<void> => {
  const database = await getDatabase();
  await migrateDatabase(database);
  if (database.engine === 'pglite' || process.env.BANDEJA_SEED_DEMO === 'true') {
    const { seeded } = await seedDemo(database.db);
    if (seeded) console.log('bandeja: demo data seeded');
    await writeDemoFiles(database.db, getStorage());
  }
};
