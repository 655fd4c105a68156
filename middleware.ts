import NextAuth from 'next-auth';
import { NextResponse, type NextMiddleware } from 'next/server';
import { authConfig, isPublicPath } from '@/lib/auth/config';
import { pageContentSecurityPolicy } from '@/lib/http/security-headers';
import { viewPathWithListState } from '@/lib/routing/list-state-segment';

const { auth } = NextAuth(authConfig);

// Every page: a fresh nonce and the Content-Security-Policy that allows only scripts carrying it.
// Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders (pages
// are rendered per request: they read the session). Then the optimistic redirect to /login for
// requests without a session: pages, actions and route handlers check the session again
// (lib/auth/session.ts), this is not the security boundary. A view's URL is rewritten to carry its
// list state as a path segment (lib/routing/list-state-segment.ts); the address bar keeps the URL.
const middleware: NextMiddleware = (request, event) =>
  // Next.js's own URL of the request (Auth.js puts AUTH_URL's origin in the one it passes on): a
  // rewrite must keep this origin (next.config.mjs, skipMiddlewareUrlNormalize). Auth.js's wrapper
  // is called as a middleware, with the event (its types name a route handler's context).
  (withSession(request.url) as unknown as NextMiddleware)(request, event);
export default middleware;

const withSession = (ownUrl: string) =>
  auth((request) => {
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
    // A server action Next.js forwards to the worker that has it comes to that worker's internal
    // path already; rewritten again it would reach a page without the action and be forwarded anew.
    const internalPath = request.headers.has('x-action-forwarded') ? null : viewPathWithListState(pathname, request.nextUrl.searchParams);
    const response = internalPath
      ? NextResponse.rewrite(new URL(`${internalPath}${request.nextUrl.search}`, ownUrl), { request: { headers } })
      : NextResponse.next({ request: { headers } });
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
