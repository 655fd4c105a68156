import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { authenticate } from '@/lib/domain/auth/authenticate';
import { changePassword } from '@/lib/domain/users/change-password';
import { getProfile } from '@/lib/domain/users/get-profile';
import { updateEnterToSend } from '@/lib/domain/users/update-enter-to-send';
import { updateProfile } from '@/lib/domain/users/update-profile';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

const profileInput = { name: 'Ana María', avatarUrl: '', timeZone: 'Europe/Madrid', notifyOn: ['mention', 'assignment'] as const, notifyByBrowser: true, enterToSend: false };

describe('profile', () => {
  it('an agent edits their own name, picture, time zone and preferences, and nobody else’s', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const me = await createUser(db, { accountId: account.id });
    const colleague = await createUser(db, { accountId: account.id, name: 'Colega' });
    const ctx = ctxFor(db, await actorFor(db, me.id, account.id));

    await updateProfile(ctx, { ...profileInput, notifyOn: [...profileInput.notifyOn], avatarUrl: 'https://cdn.example/ana.png' });
    expect(await getProfile(ctx)).toMatchObject({
      name: 'Ana María',
      avatarUrl: 'https://cdn.example/ana.png',
      timeZone: 'Europe/Madrid',
      preferences: { notifyOn: ['mention', 'assignment'], notifyByBrowser: true, enterToSend: false },
    });
    expect((await db.select({ name: users.name }).from(users).where(eq(users.id, colleague.id)))[0].name).toBe('Colega');

    for (const bad of [{ timeZone: 'Mars/Olympus' }, { name: ' ' }, { avatarUrl: 'javascript:alert(1)' }, { notifyOn: ['everything'] }]) {
      await expect(updateProfile(ctx, { ...profileInput, notifyOn: [...profileInput.notifyOn], ...bad } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
  });

  it("the composer's Enter switch saves the same preference, keeping the others, and only the agent's own", async () => {
    const { db } = database();
    const account = await createAccount(db);
    const me = await createUser(db, { accountId: account.id });
    const colleague = await createUser(db, { accountId: account.id, name: 'Colega' });
    const ctx = ctxFor(db, await actorFor(db, me.id, account.id));
    await updateProfile(ctx, { ...profileInput, notifyOn: ['mention', 'creation'], enterToSend: true, openNextAfterResolve: true });

    await updateEnterToSend(ctx, { enterToSend: false });
    expect((await getProfile(ctx)).preferences).toEqual({ notifyOn: ['mention', 'creation'], notifyByBrowser: true, enterToSend: false, openNextAfterResolve: true });
    await updateEnterToSend(ctx, { enterToSend: true });
    expect((await getProfile(ctx)).preferences.enterToSend).toBe(true);
    // A user whose preferences were never written gets just this one.
    const colleagueCtx = ctxFor(db, await actorFor(db, colleague.id, account.id));
    await updateEnterToSend(colleagueCtx, { enterToSend: false });
    expect((await getProfile(colleagueCtx)).preferences).toEqual({ enterToSend: false });
    expect((await getProfile(ctx)).preferences.enterToSend).toBe(true);

    await expect(updateEnterToSend(ctx, { enterToSend: 'yes' } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('changing the password requires the current one; the new one signs in, the old one no longer', async () => {
    const { db } = database();
    const account = await createAccount(db);
    const me = await createUser(db, { accountId: account.id, password: 'contraseña-vieja' });
    const ctx = ctxFor(db, await actorFor(db, me.id, account.id));
    const signIn = (password: string) => authenticate(db, { email: me.email, password, ip: `10.1.0.${Math.floor(Math.random() * 200)}`, now: new Date() });

    await expect(changePassword(ctx, { currentPassword: 'equivocada', newPassword: 'contraseña-nueva', ip: '10.2.0.1' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(changePassword(ctx, { currentPassword: 'contraseña-vieja', newPassword: 'corta', ip: '10.2.0.1' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'newPassword' } });
    expect(await signIn('contraseña-vieja')).toMatchObject({ userId: me.id });

    await changePassword(ctx, { currentPassword: 'contraseña-vieja', newPassword: 'contraseña-nueva', ip: '10.2.0.1' });
    expect(await signIn('contraseña-nueva')).toMatchObject({ userId: me.id });
    await expect(signIn('contraseña-vieja')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });
});
