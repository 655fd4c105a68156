import type { NextAuthConfig } from 'next-auth';

// Paths anyone may open without signing in (the website widget's loader and page too). Everything
// else needs a session.
const PUBLIC_PATHS = [/^\/widget(\.js$|\/)/, /^\/login(\/|$)/, /^\/set-password$/, /^\/api\/auth(\/|$)/, /^\/api\/health$/];

export const isPublicPath = (pathname: string) => PUBLIC_PATHS.some((pattern) => pattern.test(pathname));

// The edge-safe half of the Auth.js configuration: no database, no argon2. middleware.ts uses only
// this for its optimistic redirect; lib/auth/index.ts adds the credentials provider.
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized: ({ auth, request }) => isPublicPath(request.nextUrl.pathname) || Boolean(auth?.user),
    jwt: ({ token, user, trigger, session }) => {
      if (user) {
        token.accountId = user.accountId;
        token.locale = user.locale;
        // One id per sign-in, kept when the token is refreshed: sign-out revokes it.
        token.sid = crypto.randomUUID();
        token.ps = user.passwordStamp;
      }
      // After a password change the session that changed it takes the new password's stamp (every
      // other session keeps the old one and is signed out). A client can send update() too, but a
      // stamp it cannot know only signs itself out.
      if (trigger === 'update' && typeof session?.passwordStamp === 'string') token.ps = session.passwordStamp;
      // unstable_update({ user: { locale } }) after the agent picks a language.
      if (trigger === 'update' && (session?.user?.locale === 'es' || session?.user?.locale === 'en')) {
        token.locale = session.user.locale;
      }
      return token;
    },
    session: ({ session, token }) => {
      session.user.id = token.sub ?? '';
      session.user.accountId = Number(token.accountId);
      session.user.locale = token.locale === 'en' ? 'en' : 'es';
      session.sessionId = token.sid ?? '';
      session.passwordStamp = token.ps ?? '';
      return session;
    },
  },
} satisfies NextAuthConfig;
