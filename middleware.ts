import NextAuth from 'next-auth';
import { authConfig } from '@/lib/auth/config';

// Optimistic redirect to /login for requests without a session. Pages, actions and route handlers
// check the session again (lib/auth/session.ts): this is not the security boundary.
export default NextAuth(authConfig).auth;

export const config = {
  // API routes answer 401 themselves (and the middleware would buffer upload bodies); public/ is the
  // client API of API inboxes, authenticated by inbox and contact identifiers, never by a session.
  // The service worker, the web app manifest and the icons are public files (installability checks
  // and the sign-in page need them).
  matcher: ['/((?!api/|public/|_next/static|_next/image|favicon.ico|icon.svg|icons/|sw.js|manifest.webmanifest).*)'],
};
