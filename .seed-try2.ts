import { sql } from 'drizzle-orm';
import { openPglite, pgliteDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { seedDemo } from './db/seed';
const database = await pgliteDatabase(await openPglite());
await migrateDatabase(database);
let t = performance.now();
console.log(await seedDemo(database.db, { now: new Date('2025-06-10T15:00:00Z') }), (performance.now() - t).toFixed(0), 'ms');
const q = async (s: string) => ((await database.db.execute(sql.raw(s))) as any).rows;
console.log(JSON.stringify(await q(`select status, count(*)::int from conversations group by 1 order by 2 desc`)));
console.log(JSON.stringify(await q(`select count(*)::int from contact_labels`)));
console.log(JSON.stringify(await q(`select message_type||'/'||sender_type||(case when private then '/private' else '' end)||(case when sent_outside_platform then '/outside' else '' end) k, count(*)::int from messages group by 1 order by 1`)));
console.log(JSON.stringify(await q(`select content_attributes->'activity'->>'action' a, count(*)::int from messages where message_type='activity' group by 1`)));
console.log(JSON.stringify(await q(`select count(*)::int from messages where content ~ '\\{[a-z]+\\}'`)));
for (const w of ['razon','envio','facturacion','devolucion','contrasena']) console.log(w, JSON.stringify(await q(`select count(*)::int from messages where f_unaccent(lower(content)) like '%${w}%'`)));
console.log(JSON.stringify(await q(`select kind, file_name, mime_type, is_voice_note, duration from attachments group by 1,2,3,4,5`)));
const ids = (await q(`select display_id from conversations order by random() limit 4`)).map((r: any) => r.display_id);
for (const d of ids) {
  const c = (await q(`select c.status, c.snoozed_until, c.priority, c.first_reply_at, c.waiting_since, c.last_activity_at, i.name inbox, ct.name contact, u.name assignee, t.name team from conversations c join inboxes i on i.id=c.inbox_id join contacts ct on ct.id=c.contact_id left join users u on u.id=c.assignee_id left join teams t on t.id=c.team_id where display_id=${d}`))[0];
  console.log('---', d, JSON.stringify(c));
  const ms = await q(`select m.created_at, m.message_type, m.sender_type, m.private, m.sent_outside_platform as outside, m.status, m.content from messages m join conversations c on c.id=m.conversation_id where c.display_id=${d} order by m.created_at, m.id`);
  for (const m of ms) console.log(' ', new Date(m.created_at).toISOString().slice(5,19), m.message_type.slice(0,3), m.sender_type.slice(0,4), m.private?'PRIV':'', m.outside?'OUT':'', '|', m.content);
}
await database.close();
