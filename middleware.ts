import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig, isPublicPath } from '@/lib/auth/config';
import { pageContentSecurityPolicy } from '@/lib/http/security-headers';

const { auth } = NextAuth(authConfig);

// Every page: a fresh nonce and the Content-Security-Policy that allows only scripts carrying it.
// Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders (pages
// are rendered per request: they read the session). Then the optimistic redirect to /login for
// requests without a session: pages, actions and route handlers check the session again
// (lib/auth/session.ts), this is not the security boundary.
export default auth((request) => {
  const { pathname } = request.nextUrl;
  if (!request.auth?.user && !isPublicPath(pathname) && pathname !== authConfig.pages.signIn) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = authConfig.pages.signIn;
    signIn.search = '';
    signIn.searchParams.set('callbackUrl', request.nextUrl.href);
    return NextResponse.redirect(signIn);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = pageContentSecurityPolicy({ nonce, pathname, dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  headers.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
});

export const config = {
  // API routes answer 401 themselves (and the middleware would buffer upload bodies); public/ is the
  // client API of API inboxes, authenticated by inbox and contact identifiers, never by a session.
  // server.ts gives those a CSP of their own. The service worker, the web app manifest and the icons
  // are public files (installability checks and the sign-in page need them).
  matcher: ['/((?!api/|public/|_next/static|_next/image|favicon.ico|icon.svg|icons/|sw.js|manifest.webmanifest|widget\\.js).*)'],
};
