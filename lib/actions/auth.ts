'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { auth, signIn, signOut, updateSession } from '@/lib/auth';
import { revokeSession } from '@/lib/domain/auth/revoke-session';
import { deleteSessionPushSubscriptions } from '@/lib/domain/push/delete-push-subscriptions';
import { updateLocale } from '@/lib/domain/users/update-locale';
import { formAction, parseForm, type ActionState } from './action';

const ZSignIn = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  callbackUrl: z.string().optional(),
});

// Only paths of this app are followed after sign-in: an absolute URL (the middleware passes one)
// keeps its path and never leaves the site.
const safeCallback = (url: string | undefined): string => {
  if (!url) return '/all';
  try {
    const { pathname, search } = new URL(url, 'http://bandeja.invalid');
    return pathname.startsWith('/') && !pathname.startsWith('//') && pathname !== '/login' ? pathname + search : '/all';
  } catch {
    return '/all';
  }
};

// Signs in with email and password; Auth.js redirects on success.
export const signInAction = async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
  const parsed = parseForm(ZSignIn, formData);
  if (!parsed.success) return { error: 'INVALID_CREDENTIALS' };
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      const [code, minutes] = ((error as AuthError & { code?: string }).code ?? '').split(':');
      return code === 'RATE_LIMITED'
        ? { error: 'RATE_LIMITED', details: { minutes: Number(minutes) || 15 } }
        : { error: 'INVALID_CREDENTIALS' };
    }
    throw error;
  }
};

// Signs out for good: the session id is revoked first, so a copy of the token refreshed by a
// request still in flight cannot sign the browser back in; this browser's push subscription (made in
// this sign-in) goes too.
export const signOutAction = async () => {
  const session = await auth();
  if (session?.sessionId && session.user?.id) {
    await deleteSessionPushSubscriptions(await getDb(), session.sessionId);
    await revokeSession(await getDb(), {
      sessionId: session.sessionId,
      userId: Number(session.user.id),
      expiresAt: new Date(session.expires),
    });
  }
  await signOut({ redirectTo: '/login' });
};

// The page a form was posted from, to show it again (same site only).
const refererPath = async () => {
  const referer = (await headers()).get('referer');
  return safeCallback(referer ?? undefined);
};

// Stores the agent's language, refreshes the session that carries it, and reloads the page so
// that everything (server and client components) renders in the new language.
export const updateLocaleAction = formAction(z.object({ locale: z.enum(['es', 'en']) }), async (ctx, input) => {
  await updateLocale(ctx, input);
  await updateSession({ user: { locale: input.locale } });
  redirect(await refererPath());
});
