import { describe, expect, it } from 'vitest';
import { isPublicPath } from '@/lib/auth/config';

describe('isPublicPath', () => {
  it('lets the sign-in and set-password pages, Auth.js routes and the health check through', () => {
    for (const path of ['/login', '/api/auth/session', '/api/auth/callback/credentials', '/api/health', '/set-password']) {
      expect(isPublicPath(path), path).toBe(true);
    }
  });

  it('protects the dashboard and every other route', () => {
    for (const path of ['/', '/all', '/inbox/1', '/loginx', '/api/healthz', '/api/authority', '/settings', '/set-passwordx', '/set-password/x']) {
      expect(isPublicPath(path), path).toBe(false);
    }
  });
});
