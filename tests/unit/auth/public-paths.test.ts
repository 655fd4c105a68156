import { describe, expect, it } from 'vitest';
import { isPublicPath } from '@/lib/auth/config';

describe('isPublicPath', () => {
  it('lets the sign-in page, Auth.js routes and the health check through', () => {
    for (const path of ['/login', '/api/auth/session', '/api/auth/callback/credentials', '/api/health']) {
      expect(isPublicPath(path), path).toBe(true);
    }
  });

  it('protects the dashboard and every other route', () => {
    for (const path of ['/', '/all', '/inbox/1', '/loginx', '/api/healthz', '/api/authority', '/settings']) {
      expect(isPublicPath(path), path).toBe(false);
    }
  });
});
