import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { contacts } from '@/db/schema';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import { getContact } from '@/lib/domain/contacts/get-contact';
import { listSuggestedDuplicates } from '@/lib/domain/contacts/list-suggested-duplicates';
import { createChannelWorkspace } from '../../helpers/channels-factories';
import { callClientApi } from '../../helpers/client-api-call';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createContact, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

beforeEach(() => resetRateLimits());

describe('suggested duplicates of a contact (issue 12 #1)', () => {
  it('lists the account’s contacts whose email or phone the contact has or holds aside, for those who may see them', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const clara = await createContact(db, { accountId: workspace.accountId, name: 'Clara', email: 'Clara@Cliente.test', phone: '+525511112222' });
    const other = await createContact(db, { accountId: workspace.accountId, name: 'Otro', email: 'otro@cliente.test' });
    const elsewhere = await createAccount(db);
    await createContact(db, { accountId: elsewhere.id, name: 'Clara en otra cuenta', email: 'clara@cliente.test' });

    const byEmail = (await callClientApi(workspace, 'createContactHandler', {}, { body: { name: 'Quizá Clara', email: 'CLARA@cliente.test' } })).body;
    const byPhone = (await callClientApi(workspace, 'createContactHandler', {}, { body: { name: 'Tel', phone_number: '+52 55 1111 2222' } })).body;
    const admin = ctxFor(db, await actorFor(db, (await createUser(db, { accountId: workspace.accountId, role: 'administrator' })).id, workspace.accountId));
    const duplicatesOf = async (ctx: typeof admin, contactId: number) => listSuggestedDuplicates(ctx, await getContact(ctx, { contactId }));

    expect(await duplicatesOf(admin, byEmail.id)).toEqual([{ id: clara.id, name: 'Clara', email: 'Clara@Cliente.test', phone: '+525511112222', matchedBy: 'email' }]);
    expect(await duplicatesOf(admin, byPhone.id)).toMatchObject([{ id: clara.id, matchedBy: 'phone' }]);
    expect(await duplicatesOf(admin, other.id)).toEqual([]);
    // The widget's kept-aside email counts too.
    await db.update(contacts).set({ customAttributes: { widget_email: 'otro@cliente.test' } }).where(eq(contacts.id, byPhone.id));
    expect((await duplicatesOf(admin, byPhone.id)).map((row) => row.id)).toEqual([other.id]);
    // An agent only sees contacts with a conversation in their inboxes: Clara has none.
    await callClientApi(workspace, 'createConversationHandler', { contact: byEmail.source_id }, { body: {} });
    expect(await duplicatesOf(workspace.ctx, byEmail.id)).toEqual([]);
  });
});
