import type postgres from 'postgres';
import { DATASET_NOW, DATASET_SEED, DATASET_VERSION, type DatasetSizes } from './catalog';

// The row that says a complete benchmark dataset is in this database, and which one: a later run
// reuses it only when version, seed and sizes all match, and generation is never skipped after a
// run that died half-way (completed_at stays null until the very end).

export type DatasetMarker = {
  version: number;
  seed: number;
  sizes: DatasetSizes;
  now: string;
  startedAt: string;
  completedAt: string | null;
  generationMs: number | null;
  counts: Record<string, number> | null;
};

const createMarkerTable = (sql: postgres.Sql) =>
  sql`create table if not exists bench_dataset (
    id integer primary key default 1 check (id = 1),
    version integer not null,
    seed integer not null,
    sizes jsonb not null,
    now timestamptz not null,
    started_at timestamptz not null,
    completed_at timestamptz,
    generation_ms integer,
    counts jsonb
  )`;

export const readMarker = async (sql: postgres.Sql): Promise<DatasetMarker | null> => {
  await createMarkerTable(sql);
  const [row] = await sql<DatasetMarker[]>`
    select version, seed, sizes, now::text as now, started_at::text as "startedAt", completed_at::text as "completedAt",
           generation_ms as "generationMs", counts
    from bench_dataset where id = 1`;
  return row ?? null;
};

// Whether the marker names a complete dataset made by this generator with these parameters.
export const isCurrent = (marker: DatasetMarker | null, sizes: DatasetSizes): boolean =>
  !!marker &&
  marker.completedAt !== null &&
  marker.version === DATASET_VERSION &&
  marker.seed === DATASET_SEED &&
  new Date(marker.now).getTime() === DATASET_NOW.getTime() &&
  (Object.keys(sizes) as Array<keyof DatasetSizes>).every((key) => marker.sizes[key] === sizes[key]);

export const markStarted = async (sql: postgres.Sql, sizes: DatasetSizes): Promise<void> => {
  await createMarkerTable(sql);
  await sql`
    insert into bench_dataset (id, version, seed, sizes, now, started_at)
    values (1, ${DATASET_VERSION}, ${DATASET_SEED}, ${sql.json(sizes)}, ${DATASET_NOW}, now())
    on conflict (id) do update set version = excluded.version, seed = excluded.seed, sizes = excluded.sizes, now = excluded.now,
      started_at = excluded.started_at, completed_at = null, generation_ms = null, counts = null`;
};

export const markCompleted = async (sql: postgres.Sql, generationMs: number, counts: Record<string, number>): Promise<void> => {
  await sql`update bench_dataset set completed_at = now(), generation_ms = ${Math.round(generationMs)}, counts = ${sql.json(counts)} where id = 1`;
};
