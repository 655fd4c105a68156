import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { updateLocale } from '@/lib/domain/users/update-locale';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

const localeOf = async (userId: number) =>
  (await database().db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)))[0].locale;

describe('updateLocale', () => {
  it('changes the language of the signed-in user only', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const me = await createUser(db, { accountId: account.id, locale: 'es' });
    const colleague = await createUser(db, { accountId: account.id, locale: 'es' });
    const ctx = ctxFor(db, await actorFor(db, me.id, account.id));

    expect(await updateLocale(ctx, { locale: 'en' })).toEqual({ locale: 'en' });
    expect(await localeOf(me.id)).toBe('en');
    expect(await localeOf(colleague.id)).toBe('es');
  });

  it('refuses a language the app does not speak with INVALID_INPUT, changing nothing', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const me = await createUser(db, { accountId: account.id, locale: 'en' });
    const ctx = ctxFor(db, await actorFor(db, me.id, account.id));

    for (const locale of ['fr', '', 'ES', null, undefined]) {
      await expect(updateLocale(ctx, { locale } as never)).rejects.toMatchObject({ name: 'DomainError', code: 'INVALID_INPUT' });
    }
    expect(await localeOf(me.id)).toBe('en');
  });
});
