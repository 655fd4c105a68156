import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    accountId: number;
    locale: 'es' | 'en';
    passwordStamp: string;
  }
  interface Session {
    sessionId: string;
    passwordStamp: string;
    user: { id: string; accountId: number; locale: 'es' | 'en'; name?: string | null; email?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    accountId?: number;
    locale?: 'es' | 'en';
    sid?: string;
    ps?: string;
  }
}
