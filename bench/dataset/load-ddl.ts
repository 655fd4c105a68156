import type postgres from 'postgres';

// Loading millions of rows is several times faster into bare tables: every secondary index (the GIN
// search indexes above all) and every foreign key is dropped before the COPY and rebuilt after it,
// from the definitions PostgreSQL itself reports, so the rebuilt schema is exactly the migrated one.
// Primary keys stay; statistics targets set on index columns (migration 0007) are kept and re-set.
// The definitions are kept in a table until they are restored, so a load that
// dies half-way is repaired by the next run instead of leaving a database without its indexes.

type SavedDdl = { kind: 'index' | 'statistics' | 'foreign_key'; table_name: string; name: string; ddl: string };

const createDdlTable = (sql: postgres.Sql) =>
  sql`create table if not exists bench_load_ddl (
    kind text not null, table_name text not null, name text primary key, ddl text not null
  )`;

// Drops the secondary indexes and foreign keys of `tables`, remembering how to rebuild them.
export const dropLoadIndexes = async (sql: postgres.Sql, tables: readonly string[]): Promise<number> => {
  await createDdlTable(sql);
  return sql.begin(async (tx) => {
    const indexes = await tx<SavedDdl[]>`
      select 'index' as kind, t.relname as table_name, c.relname as name, pg_get_indexdef(i.indexrelid) as ddl
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and t.relname = any(${tables as string[]})
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
    const foreignKeys = await tx<SavedDdl[]>`
      select 'foreign_key' as kind, t.relname as table_name, k.conname as name,
             format('alter table %I add constraint %I %s', t.relname, k.conname, pg_get_constraintdef(k.oid)) as ddl
      from pg_constraint k
      join pg_class t on t.oid = k.conrelid
      join pg_namespace n on n.oid = t.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and t.relname = any(${tables as string[]})`;
    // pg_get_indexdef leaves out ALTER INDEX … SET STATISTICS: keep it to apply after the rebuild.
    const statistics = await tx<SavedDdl[]>`
      select 'statistics' as kind, t.relname as table_name, c.relname || '#' || a.attnum as name,
             format('alter index %I alter column %s set statistics %s', c.relname, a.attnum, a.attstattarget) as ddl
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = i.indexrelid
      where n.nspname = 'public' and t.relname = any(${tables as string[]}) and a.attstattarget > 0
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
    const saved = [...indexes, ...statistics, ...foreignKeys];
    for (const item of saved) {
      await tx`insert into bench_load_ddl ${tx(item)} on conflict (name) do nothing`;
      if (item.kind === 'index') await tx`drop index ${tx(item.name)}`;
      else if (item.kind === 'foreign_key') await tx`alter table ${tx(item.table_name)} drop constraint ${tx(item.name)}`;
    }
    return saved.length;
  });
};

// Rough cost of rebuilding, so the slowest builds start first and the two lanes finish together.
const costOf = (item: SavedDdl, rowCounts: Map<string, number>): number =>
  (rowCounts.get(item.table_name) ?? 0) * (item.ddl.includes('USING gin') ? 10 : item.kind === 'foreign_key' ? 0.5 : 1);

// Rebuilds everything dropLoadIndexes dropped, `lanes` statements at a time (one per CPU core: index
// builds are CPU-bound). Indexes first, then their statistics targets, then foreign keys (validated
// against the loaded rows).
export const restoreLoadIndexes = async (sql: postgres.Sql, options: { lanes?: number; log?: (line: string) => void } = {}): Promise<number> => {
  await createDdlTable(sql);
  const saved = await sql<SavedDdl[]>`select kind, table_name, name, ddl from bench_load_ddl`;
  if (saved.length === 0) return 0;
  const counts = await sql<Array<{ relname: string; rows: string }>>`
    select relname, greatest(reltuples, 0)::bigint::text as rows from pg_class where relname = any(${saved.map((s) => s.table_name)})`;
  const rowCounts = new Map(counts.map((row) => [row.relname, Number(row.rows)]));
  const byCost = (items: SavedDdl[]) => [...items].sort((a, b) => costOf(b, rowCounts) - costOf(a, rowCounts));

  const run = async (items: SavedDdl[], lanes: number) => {
    const queue = byCost(items);
    const lane = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const started = performance.now();
        await sql.begin(async (tx) => {
          // Index builds sort in memory when they can; this is the session of one build, not the server.
          await tx`set local maintenance_work_mem = '512MB'`;
          const exists =
            item.kind === 'index'
              ? await tx`select 1 from pg_class where relname = ${item.name} and relkind = 'i'`
              : item.kind === 'foreign_key'
                ? await tx`select 1 from pg_constraint where conname = ${item.name}`
                : [];
          if (exists.length === 0) await tx.unsafe(item.ddl);
          await tx`delete from bench_load_ddl where name = ${item.name}`;
        });
        const elapsed = performance.now() - started;
        if (elapsed > 1000) options.log?.(`    ${item.kind.replace('_', ' ')} ${item.name}: ${(elapsed / 1000).toFixed(1)} s`);
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
  };
  await run(
    saved.filter((item) => item.kind === 'index'),
    options.lanes ?? 2,
  );
  await run(
    saved.filter((item) => item.kind === 'statistics'),
    1,
  );
  // One at a time: adding a foreign key locks both tables, and two lanes would only wait on each other.
  await run(
    saved.filter((item) => item.kind === 'foreign_key'),
    1,
  );
  return saved.length;
};
