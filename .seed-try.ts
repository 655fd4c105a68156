import { sql } from 'drizzle-orm';
import { openPglite, pgliteDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { seedDemo } from './db/seed';
const database = await pgliteDatabase(await openPglite());
let t = performance.now();
await migrateDatabase(database);
console.log('migrate', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
console.log(await seedDemo(database.db, { now: new Date('2025-06-10T15:00:00Z') }));
console.log('seed', (performance.now() - t).toFixed(0), 'ms');
const q = async (s: string) => ((await database.db.execute(sql.raw(s))) as any).rows;
for (const table of ['users','contacts','contact_inboxes','contact_labels','conversations','messages','attachments','mentions','conversation_labels','conversation_participants','conversation_reads','notifications','macros','saved_views']) {
  console.log(table, (await q(`select count(*)::int as n from ${table}`))[0].n);
}
console.log(await q(`select status, count(*)::int from conversations group by 1 order by 2 desc`));
console.log(await q(`select priority, count(*)::int from conversations group by 1`));
console.log(await q(`select i.name, count(*)::int from conversations c join inboxes i on i.id=c.inbox_id group by 1`));
console.log(await q(`select message_type, sender_type, private, sent_outside_platform, count(*)::int from messages group by 1,2,3,4 order by 1,2`));
console.log(await q(`select count(*) filter (where first_reply_at is null)::int as unreplied, count(*) filter (where waiting_since is not null and first_reply_at is not null)::int as waiting_again, count(*) filter (where status='snoozed' and snoozed_until is null)::int as snooze_next_reply, count(*) filter (where assignee_id is null)::int as unassigned, count(*) filter (where team_id is null)::int as no_team from conversations`));
console.log(await q(`select min(n)::int, max(n)::int, avg(n)::float from (select count(*) n from messages group by conversation_id) x`));
console.log(await q(`select u.name, count(*)::int from conversations c join users u on u.id=c.assignee_id group by 1`));
const convs = await q(`select c.display_id, c.status, c.priority, c.snoozed_until, i.name as inbox, ct.name as contact, c.custom_attributes from conversations c join inboxes i on i.id=c.inbox_id join contacts ct on ct.id=c.contact_id where display_id in (1, 75, 148, 149,150)`);
console.log(convs);
for (const d of [148, 150, 90]) {
  const ms = await q(`select m.created_at, m.message_type, m.sender_type, m.private, m.sent_outside_platform as outside, m.status, m.content, m.content_attributes from messages m join conversations c on c.id=m.conversation_id where c.display_id=${d} order by m.created_at, m.id`);
  console.log('---', d); for (const m of ms) console.log(new Date(m.created_at).toISOString(), m.message_type, m.sender_type, m.private?'PRIV':'', m.outside?'OUT':'', m.status, '|', m.content, JSON.stringify(m.content_attributes));
}
console.log(await q(`select name, email, phone, company, country, city, social_profiles, custom_attributes from contacts limit 8`));
console.log(await q(`select f_unaccent(lower(content)) ilike '%razon%' as x, count(*)::int from messages group by 1`));
await database.close();
