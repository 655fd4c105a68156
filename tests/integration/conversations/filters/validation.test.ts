import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../helpers/db';
import { actorFor, createAccount, createInbox, createTeam, createUser, ctxFor } from '../../../helpers/factories';
import { createAttributeDefinition, createLabel, filteredIds } from '../../../helpers/filters-factories';

const database = useTestDatabase();

const one = (field: string, op: string, value?: unknown) => ({ operator: 'and', conditions: [{ field, op, value }] });

const setup = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
  const ctx = ctxFor(db, await actorFor(db, admin.id, account.id));
  await createAttributeDefinition(db, { accountId: account.id, model: 'conversation', key: 'amount', type: 'number' });
  await createAttributeDefinition(db, { accountId: account.id, model: 'conversation', key: 'renewal', type: 'date' });
  await createAttributeDefinition(db, { accountId: account.id, model: 'conversation', key: 'plan', type: 'list', listValues: ['free', 'pro'] });
  await createAttributeDefinition(db, { accountId: account.id, model: 'contact', key: 'vip', type: 'checkbox' });
  await createAttributeDefinition(db, { accountId: account.id, model: 'contact', key: 'tier', type: 'text' });
  return { db, account, inbox, admin, ctx };
};

// What the list shows for a refused filter: INVALID_INPUT with the field, a reason and the position.
const refused = async (ctx: Awaited<ReturnType<typeof setup>>['ctx'], filter: unknown, details: Record<string, unknown>) =>
  expect(filteredIds(ctx, filter)).rejects.toMatchObject({ name: 'DomainError', code: 'INVALID_INPUT', details });

describe('L4 filter validation', () => {
  it('refuses unknown fields and undefined custom attributes', async () => {
    const { ctx } = await setup();
    await refused(ctx, one('password_hash', 'equal', 'x'), { field: 'password_hash', reason: 'unknown_field', condition: 0 });
    await refused(ctx, one('conversation_attribute:nope', 'present'), { field: 'conversation_attribute:nope', reason: 'unknown_field' });
    await refused(ctx, one('contact_attribute:amount', 'present'), { field: 'contact_attribute:amount', reason: 'unknown_field' });
    await refused(ctx, one('conversation_attribute:', 'present'), { reason: 'unknown_field' });
    await refused(ctx, one('custom_attribute:amount', 'present'), { reason: 'unknown_field' });
  });

  it('refuses operators a field does not take (the allowed pairs table)', async () => {
    const { ctx } = await setup();
    await refused(ctx, one('status', 'contains', 'op'), { field: 'status', reason: 'unsupported_operator' });
    await refused(ctx, one('created_at', 'equal', '2024-01-01'), { field: 'created_at', reason: 'unsupported_operator' });
    await refused(ctx, one('label', 'greater_than', 1), { field: 'label', reason: 'unsupported_operator' });
    await refused(ctx, one('inbox', 'present'), { field: 'inbox', reason: 'unsupported_operator' });
    await refused(ctx, one('conversation_attribute:amount', 'contains', '1'), { reason: 'unsupported_operator' });
    await refused(ctx, one('conversation_attribute:plan', 'greater_than', 'free'), { reason: 'unsupported_operator' });
    await refused(ctx, one('contact_attribute:vip', 'last_n_days', 3), { reason: 'unsupported_operator' });
    await refused(ctx, one('contact_attribute:tier', 'before', '2024-01-01'), { reason: 'unsupported_operator' });
    await refused(ctx, one('status', 'like', 'open'), { field: 'status', reason: 'unsupported_operator' });
  });

  it('refuses values of the wrong type for the attribute', async () => {
    const { ctx } = await setup();
    for (const value of ['ten', '1e5', '0x10', '', true, null, undefined, [1, 2], 'NaN', '9'.repeat(40)]) {
      await refused(ctx, one('conversation_attribute:amount', 'greater_than', value), { field: 'conversation_attribute:amount', reason: 'invalid_value' });
    }
    for (const value of ['2024-02-30', 'tomorrow', '01/02/2024', 20240101]) {
      await refused(ctx, one('conversation_attribute:renewal', 'equal', value), { reason: 'invalid_value' });
    }
    for (const value of ['yes', 'true', 1, 0, null]) {
      await refused(ctx, one('contact_attribute:vip', 'equal', value), { field: 'contact_attribute:vip', reason: 'invalid_value' });
    }
  });

  it('refuses a list value that is not one of the list', async () => {
    const { ctx } = await setup();
    await refused(ctx, one('conversation_attribute:plan', 'equal', 'enterprise'), { field: 'conversation_attribute:plan', reason: 'unknown_value' });
    await refused(ctx, one('conversation_attribute:plan', 'not_equal', ['pro', 'PRO']), { reason: 'unknown_value' });
  });

  it('refuses malformed fixed-field values', async () => {
    const { ctx } = await setup();
    await refused(ctx, one('status', 'equal', 'closed'), { field: 'status', reason: 'invalid_value' });
    await refused(ctx, one('priority', 'equal', ['urgent', 'critical']), { field: 'priority', reason: 'invalid_value' });
    await refused(ctx, one('assignee', 'equal', 'you'), { field: 'assignee', reason: 'invalid_value' });
    await refused(ctx, one('inbox', 'equal', -1), { field: 'inbox', reason: 'invalid_value' });
    await refused(ctx, one('inbox', 'equal', 2_147_483_648), { field: 'inbox', reason: 'invalid_value' });
    await refused(ctx, one('team', 'equal', 1.5), { field: 'team', reason: 'invalid_value' });
    await refused(ctx, one('label', 'equal', []), { field: 'label', reason: 'invalid_value' });
    await refused(ctx, one('label', 'equal', Array.from({ length: 51 }, (_, i) => i + 1)), { field: 'label', reason: 'invalid_value' });
    await refused(ctx, one('contact_email', 'equal', undefined), { field: 'contact_email', reason: 'invalid_value' });
    await refused(ctx, one('contact_email', 'contains', 'a\u0000b'), { field: 'contact_email', reason: 'invalid_value' });
    await refused(ctx, one('contact_name', 'contains', 'x'.repeat(256)), { field: 'contact_name', reason: 'invalid_value' });
  });

  it("refuses ids that are not the account's: labels, inboxes, teams, agents", async () => {
    const { db, account, ctx } = await setup();
    const other = await createAccount(db);
    const foreignLabel = await createLabel(db, { accountId: other.id });
    const foreignInbox = await createInbox(db, { accountId: other.id });
    const foreignTeam = await createTeam(db, { accountId: other.id });
    const foreigner = await createUser(db, { accountId: other.id });
    const ownLabel = await createLabel(db, { accountId: account.id });

    await refused(ctx, one('label', 'equal', foreignLabel.id), { field: 'label', reason: 'unknown_value', condition: 0 });
    await refused(ctx, one('label', 'not_equal', [ownLabel.id, foreignLabel.id]), { field: 'label', reason: 'unknown_value' });
    await refused(ctx, one('inbox', 'equal', foreignInbox.id), { field: 'inbox', reason: 'unknown_value' });
    await refused(ctx, one('team', 'not_equal', foreignTeam.id), { field: 'team', reason: 'unknown_value' });
    await refused(ctx, one('assignee', 'equal', foreigner.id), { field: 'assignee', reason: 'unknown_value' });
    await refused(ctx, one('label', 'equal', 2_147_483_647), { field: 'label', reason: 'unknown_value' });
  });

  it('refuses a filter of the wrong shape', async () => {
    const { ctx } = await setup();
    const status = { field: 'status', op: 'equal', value: 'open' };
    await refused(ctx, { operator: 'xor', conditions: [status] }, { field: 'filter', reason: 'invalid_filter' });
    await refused(ctx, { operator: 'and', conditions: [] }, { field: 'filter', reason: 'invalid_filter' });
    await refused(ctx, { operator: 'and', conditions: Array(11).fill(status) }, { field: 'filter', reason: 'too_many_conditions' });
    await refused(ctx, { operator: 'and' }, { reason: 'invalid_filter' });
    await refused(ctx, { conditions: [status] }, { reason: 'invalid_filter' });
    await refused(ctx, { operator: 'and', conditions: [status], sql: 'true' }, { reason: 'invalid_filter' });
    // Per-condition operators (Chatwoot's query_operator) are not part of the language.
    await refused(ctx, { operator: 'and', conditions: [{ ...status, query_operator: 'or' }] }, { field: 'status', reason: 'invalid_filter', condition: 0 });
    await refused(ctx, 'status = open', { reason: 'invalid_filter' });
    await refused(ctx, [status], { reason: 'invalid_filter' });
  });

  it('points at the first condition that is wrong', async () => {
    const { ctx } = await setup();
    await refused(
      ctx,
      {
        operator: 'or',
        conditions: [
          { field: 'status', op: 'equal', value: 'open' },
          { field: 'conversation_attribute:amount', op: 'equal', value: 3 },
          { field: 'conversation_attribute:plan', op: 'equal', value: 'gold' },
        ],
      },
      { field: 'conversation_attribute:plan', reason: 'unknown_value', condition: 2 },
    );
  });
});
