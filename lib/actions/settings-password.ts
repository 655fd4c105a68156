'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { signIn } from '@/lib/auth';
import { isDomainError } from '@/lib/domain/errors';
import { setPasswordWithToken } from '@/lib/domain/users/set-password-with-token';
import { parseForm, type ActionState } from './action';

const ZSetPassword = z.object({ token: z.string(), password: z.string(), confirmPassword: z.string() });

// The public set-password page (an invitation link): there is no session yet, so this is the one
// settings action outside formAction, like signing in. The token is consumed, then the person is
// signed in with the password they chose and lands in their conversations.
export const setPasswordAction = async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
  const parsed = parseForm(ZSetPassword, formData);
  if (!parsed.success) return { error: 'INVALID_INPUT', field: 'password' };
  if (parsed.data.password !== parsed.data.confirmPassword) return { error: 'INVALID_INPUT', details: { field: 'confirmPassword' } };
  let email: string;
  try {
    ({ email } = await setPasswordWithToken(await getDb(), { token: parsed.data.token, password: parsed.data.password, now: new Date() }));
  } catch (error) {
    if (isDomainError(error)) return { error: error.code, details: error.details };
    throw error;
  }
  try {
    await signIn('credentials', { email, password: parsed.data.password, redirectTo: '/all' });
  } catch (error) {
    // The password is set; if signing in fails (rate limit), the login page is the way in.
    if (error instanceof AuthError) return { ok: true };
    throw error;
  }
  return { ok: true };
};
