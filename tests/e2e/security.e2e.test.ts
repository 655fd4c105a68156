import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

// Security headers on every response, a nonce CSP that the app runs under without a single
// violation (dashboard with its realtime WebSocket, the widget page), and bad URLs answered 400.

// CSP violations as the browser reports them: the console message and the DOM event.
const watchViolations = async (page: Page) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return violations;
};

let widgetPath = '';
beforeAll(async () => {
  const admin = await newAgentPage();
  await signIn(admin, 'admin@bandeja.test', 'bandeja-demo');
  await admin.goto('/settings/inboxes');
  await admin.locator('a[href^="/settings/inboxes/"]', { hasText: 'Chat del sitio web' }).first().click();
  const snippet = (await admin.locator('pre, code, textarea').filter({ hasText: 'bandejaSettings' }).first().textContent()) ?? '';
  widgetPath = `/widget/${snippet.match(/inbox:"([^"]+)"/)?.[1]}`;
});

describe('headers', () => {
  test('pages: a nonce CSP that forbids framing, and the rest of the headers; no HSTS over http', async () => {
    const login = await fetch(`${baseUrl()}/login`);
    const csp = login.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const html = await login.text();
    const nonce = /'nonce-([\w+/=]+)'/.exec(csp)?.[1];
    // Next.js put the nonce on its scripts.
    expect(html).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    expect((await fetch(`${baseUrl()}/login`)).headers.get('content-security-policy')).not.toBe(csp);
    expect(Object.fromEntries(login.headers)).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': expect.stringContaining('microphone=(self)'),
    });
    expect(login.headers.get('strict-transport-security')).toBeNull();
  });

  test('route handlers and the client API get nosniff, DENY and a CSP that allows nothing; the widget page alone may be framed', async () => {
    for (const path of ['/api/health', '/public/api/v1/inboxes/nope/contacts', '/widget.js']) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'none'");
    }
    const widget = await fetch(`${baseUrl()}${widgetPath}`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('x-frame-options')).toBeNull();
    expect(widget.headers.get('content-security-policy')).toContain('frame-ancestors *');
  });

  test('/widget.js ignores X-Forwarded-Host (no TRUST_PROXY) and says Vary', async () => {
    const loader = await fetch(`${baseUrl()}/widget.js`, { headers: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' } });
    expect(loader.headers.get('vary')).toContain('Host');
    const source = await loader.text();
    expect(source).not.toContain('evil.example');
    expect(source).toContain(JSON.stringify(baseUrl()));
  });
});

describe('the app under its CSP', () => {
  test('the dashboard, a conversation with its live connection and the widget run without a CSP violation', async () => {
    const page = await newAgentPage();
    const violations = await watchViolations(page);
    await signIn(page, 'carlos@bandeja.test', 'bandeja-demo');
    await page.goto('/all');
    await page.locator('a[href^="/all/"]').first().click();
    await page.waitForURL((url) => /^\/all\/\d+/.test(url.pathname));
    await page.locator('textarea').first().waitFor();
    // The realtime WebSocket (same origin, connect-src 'self') is connected: no offline banner.
    await page.waitForFunction(() => performance.getEntriesByType('resource').length > 0);
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('realtime-offline').count()).toBe(0);

    const visitor = await newAgentPage();
    const visitorViolations = await watchViolations(visitor);
    await visitor.goto(widgetPath);
    await visitor.locator('textarea, input[type="text"]').first().waitFor();
    await visitor.waitForTimeout(1000);
    expect([...violations, ...visitorViolations]).toEqual([]);
  });
});

describe('bad input is a 4xx with a clear message', () => {
  test('a NUL byte or a broken encoding in the URL: 400, JSON for APIs, a translated page otherwise', async () => {
    const api = await fetch(`${baseUrl()}/public/api/v1/inboxes/a%00b/contacts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: 'INVALID_INPUT', details: { reason: 'malformed_url' } });
    for (const path of ['/all/%ED%A0%80', '/search?q=a%00b', '/api/conversations/1%00/messages']) {
      expect((await fetch(`${baseUrl()}${path}`)).status, path).toBe(400);
    }
    const page = await fetch(`${baseUrl()}/all/%ED%A0%80`, { headers: { 'Accept-Language': 'en' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('The address contains characters that are not allowed');
    expect(await (await fetch(`${baseUrl()}/all/%ED%A0%80`, { headers: { 'Accept-Language': 'es' } })).text()).toContain('La dirección contiene caracteres no permitidos');
  });

  test('a search over 200 characters is cut and the page says so; a date past year 9999 in a filter is no error page', async () => {
    const page = await newAgentPage();
    await signIn(page, 'carlos@bandeja.test', 'bandeja-demo');
    const response = await page.goto(`/search?q=${'pedido '.repeat(40)}`);
    expect(response?.status()).toBe(200);
    await page.getByText('solo se buscaron los primeros 200').waitFor();
    const filter = encodeURIComponent(JSON.stringify({ operator: 'and', conditions: [{ field: 'created_at', op: 'before', value: '9999-12-31T23:59:00-14:00' }] }));
    const filtered = await page.goto(`/all?filter=${filter}`);
    expect(filtered?.status()).toBeLessThan(500);
    expect(await page.getByText('Application error').count()).toBe(0);
  });

  test('a multipart POST to a page route is not a 500', async () => {
    const form = new FormData();
    form.set('email', 'a@b.c');
    form.set('file', new Blob(['x']), 'x.txt');
    for (const path of ['/login', '/all', '/settings/profile']) {
      const response = await fetch(`${baseUrl()}${path}`, { method: 'POST', body: form, redirect: 'manual' });
      expect(response.status, path).toBeLessThan(500);
    }
  });
});

afterAll(() => undefined);
