import { sql } from 'drizzle-orm';
import { openPglite, pgliteDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { seedDemo } from './db/seed';
const database = await pgliteDatabase(await openPglite());
await migrateDatabase(database);
await seedDemo(database.db, { now: new Date('2025-06-10T15:00:00Z') });
const q = async (s: string) => ((await database.db.execute(sql.raw(s))) as any).rows;
const show = async (where: string, n: number) => {
  const ids = (await q(`select display_id from conversations c where ${where} order by display_id limit ${n}`)).map((r: any) => r.display_id);
  for (const d of ids) {
    const c = (await q(`select c.status, c.snoozed_until, c.priority, c.first_reply_at, c.waiting_since, i.name inbox, ct.name contact, u.name assignee, t.name team, (select string_agg(l.title, ',') from conversation_labels cl join labels l on l.id=cl.label_id where cl.conversation_id=c.id) labels from conversations c join inboxes i on i.id=c.inbox_id join contacts ct on ct.id=c.contact_id left join users u on u.id=c.assignee_id left join teams t on t.id=c.team_id where display_id=${d}`))[0];
    console.log('---', d, JSON.stringify(c));
    const ms = await q(`select m.created_at, m.message_type, m.sender_type, m.private, m.sent_outside_platform as outside, m.status, m.content, (select file_name from attachments a where a.message_id=m.id) att, u.name sender from messages m join conversations c on c.id=m.conversation_id left join users u on u.id = m.sender_id and m.sender_type='agent' where c.display_id=${d} order by m.created_at, m.id`);
    for (const m of ms) console.log(' ', new Date(m.created_at).toISOString().slice(5,16), m.message_type.slice(0,3), m.sender_type.slice(0,4), m.private?'PRIV':'', m.outside?'OUT':'', m.sender ?? '', '|', m.content, m.att ? `[${m.att}]` : '');
  }
};
await show(`status='pending'`, 2);
await show(`exists (select 1 from messages m where m.conversation_id=c.id and m.content like '%volvió a pasar%')`, 1);
await show(`status='resolved' and display_id > 100`, 2);
console.log(JSON.stringify(await q(`select u.name, count(*) filter (where c.id is not null) total, count(*) filter (where m.created_at > coalesce(r.last_read_at, 'epoch'))::int unread from users u join conversation_reads r on r.user_id=u.id join conversations c on c.id=r.conversation_id join messages m on m.conversation_id=c.id and m.message_type='incoming' group by 1`)));
await database.close();
