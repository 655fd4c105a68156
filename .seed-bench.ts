import postgres from 'postgres';
import { openPglite, pgliteDatabase, postgresDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { seedDemo } from './db/seed';
import { hashPassword } from './lib/auth/password';
let t = performance.now(); await hashPassword('x'); console.log('hash', (performance.now()-t).toFixed(0));
for (let i = 0; i < 3; i++) {
  const database = await pgliteDatabase(await openPglite());
  await migrateDatabase(database);
  t = performance.now();
  await seedDemo(database.db, { now: new Date('2025-06-10T15:00:00Z') });
  console.log('pglite in-memory seed', (performance.now() - t).toFixed(0), 'ms');
  await database.close();
}
const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { onnotice: () => {} });
for (let i = 0; i < 3; i++) {
  await admin.unsafe('drop database if exists seed_bench_bandeja');
  await admin.unsafe('create database seed_bench_bandeja');
  const database = await postgresDatabase('postgres://postgres@127.0.0.1:5432/seed_bench_bandeja');
  await migrateDatabase(database);
  t = performance.now();
  await seedDemo(database.db, { now: new Date('2025-06-10T15:00:00Z') });
  console.log('postgres seed', (performance.now() - t).toFixed(0), 'ms');
  await database.close();
}
await admin.unsafe('drop database if exists seed_bench_bandeja');
await admin.end();
