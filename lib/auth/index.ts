import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { authenticate } from '@/lib/domain/auth/authenticate';
import { isDomainError } from '@/lib/domain/errors';
import { authConfig } from './config';
import { clientIp } from './client-ip';

// Auth.js passes `code` on to the sign-in action, which translates it ("RATE_LIMITED:<minutes>").
class RateLimitedSignIn extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `RATE_LIMITED:${minutes}`;
  }
}
class InvalidCredentialsSignIn extends CredentialsSignin {
  code = 'INVALID_CREDENTIALS';
}

const ZCredentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) => {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentialsSignIn();
        try {
          const user = await authenticate(await getDb(), {
            email: parsed.data.email,
            password: parsed.data.password,
            ip: clientIp(request.headers),
            now: new Date(),
          });
          return { id: String(user.userId), name: user.name, email: user.email, accountId: user.accountId, locale: user.locale, passwordStamp: user.passwordStamp };
        } catch (error) {
          if (isDomainError(error) && error.code === 'RATE_LIMITED') {
            throw new RateLimitedSignIn(Number(error.details.retryAfterMinutes) || 15);
          }
          if (isDomainError(error)) throw new InvalidCredentialsSignIn();
          throw error;
        }
      },
    }),
  ],
});
