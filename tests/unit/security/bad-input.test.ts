import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiError as clientApiError } from '@/app/public/api/v1/_lib/client-api-route';
import { parseForm } from '@/lib/actions/parse-form';
import { apiError } from '@/lib/api/api-error';
import { ZFilterDate } from '@/lib/domain/conversations/filters/filter-values';
import { parseRawEmail } from '@/lib/domain/email/parse-email';
import { asInvalidInput, DomainError } from '@/lib/domain/errors';
import { refuseUnstorable, ZOptionalDbId, ZQueryPage } from '@/lib/domain/request-values';
import { badRequestResponse, malformedRequest } from '@/lib/http/request-guard';
import { baseSecurityHeaders, isFramablePath, nonPageContentSecurityPolicy, pageContentSecurityPolicy, realtimeConnectSources } from '@/lib/http/security-headers';

describe('parseForm (every server action)', () => {
  const schema = z.object({ content: z.string(), note: z.string().optional() });
  const formOf = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return form;
  };

  it('refuses a NUL byte in any text field, naming it, before the schema', () => {
    expect(parseForm(schema, formOf({ content: 'hola', note: 'a\u0000b' }))).toEqual({ success: false, field: 'note' });
    expect(parseForm(schema, formOf({ content: 'hola' }))).toEqual({ success: true, data: { content: 'hola' } });
  });

  it('refuses arguments that are not a form (a client can post anything to an action)', () => {
    expect(parseForm(schema, { content: 'hola' } as unknown as FormData)).toEqual({ success: false, field: '' });
    expect(parseForm(schema, null as unknown as FormData)).toEqual({ success: false, field: '' });
  });
});

describe('asInvalidInput (the net under the checks)', () => {
  it('turns PostgreSQL data exceptions, also wrapped by drizzle, into INVALID_INPUT, and nothing else', () => {
    expect(asInvalidInput(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(asInvalidInput(Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('date/time field value out of range'), { code: '22008' }) }))).toBeInstanceOf(DomainError);
    expect(asInvalidInput(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeNull();
    expect(asInvalidInput(new TypeError('bug'))).toBeNull();
  });
});

describe('the public APIs (client, widget, application)', () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error;
    }
    return null;
  };

  it('refuse a NUL byte in any value or key, and nesting past 32 levels, naming the field', () => {
    expect(refusal(() => refuseUnstorable({ contact: { name: 'a\u0000b' } }))).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'contact.name', reason: 'nul_byte' } });
    expect(refusal(() => refuseUnstorable({ values: [{ 'a\u0000': 1 }] }))).toMatchObject({ details: { field: 'values.0.a\u0000', reason: 'nul_byte' } });
    expect(refusal(() => refuseUnstorable(Array.from({ length: 40 }).reduce<unknown>((inner) => [inner], 'x')))).toMatchObject({ details: { reason: 'too_deep' } });
    expect(refuseUnstorable({ name: 'Ana', tags: ['a', 1, null] })).toEqual({ name: 'Ana', tags: ['a', 1, null] });
  });

  it('read ids and pages within PostgreSQL integer', () => {
    expect(ZOptionalDbId.parse('') ?? null).toBeNull();
    expect(ZOptionalDbId.parse('42')).toBe(42);
    for (const bad of ['99999999999999999999', '2147483648', '1e30', '-1', '0', '1.5', 'abc']) expect(ZOptionalDbId.safeParse(bad).success).toBe(false);
    expect(ZQueryPage.parse(undefined)).toBe(1);
    expect(ZQueryPage.parse('-3')).toBe(1);
    expect(ZQueryPage.parse('abc')).toBe(1);
    expect(ZQueryPage.parse('2.5')).toBe(1);
    expect(ZQueryPage.parse('7')).toBe(7);
    for (const bad of ['1e30', '2147483648', '99999999999999999999']) expect(ZQueryPage.safeParse(bad).success).toBe(false);
  });

  it('answer a database data exception as 422 in their own error shape', async () => {
    const nul = Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }) });
    const client = clientApiError(nul);
    expect(client.status).toBe(422);
    expect(await client.json()).toMatchObject({ error: 'INVALID_INPUT', description: expect.any(String), errors: [{ code: 'INVALID_INPUT' }] });
    const application = apiError(Object.assign(new Error('integer out of range'), { code: '22003' }));
    expect(application.status).toBe(422);
    expect(await application.json()).toMatchObject({ error: 'Validation failed', errors: [{ code: 'INVALID_INPUT' }] });
    expect(() => apiError(new TypeError('bug'))).toThrow(TypeError);
  });
});

describe('filter dates', () => {
  it('refuses an instant past year 9999 in UTC, accepts the last minute that is not', () => {
    expect(ZFilterDate.safeParse('9999-12-31T23:59:00-14:00').success).toBe(false);
    expect(ZFilterDate.safeParse('9999-12-31T23:59:00Z').success).toBe(true);
    expect(ZFilterDate.safeParse('1000-01-01T00:00:00+14:00').success).toBe(false);
  });
});

describe('inbound email', () => {
  it('MIME nested deeper than the parser allows is INVALID_INPUT malformed_email, not a crash', async () => {
    let body = 'hola';
    for (let level = 0; level < 300; level++) body = `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n${body}\r\n--b${level}--\r\n`;
    await expect(parseRawEmail(`From: a@example.test\r\nTo: b@example.test\r\nSubject: x\r\n${body}`)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { reason: 'malformed_email' } });
  });

  it('drops NUL bytes from everything it keeps', async () => {
    const email = await parseRawEmail('From: "An\u0000a" <ana@example.test>\r\nTo: b@example.test\r\nSubject: Ho\u0000la\r\nContent-Type: text/plain\r\n\r\nmi pe\u0000dido\r\n');
    expect(email).toMatchObject({ subject: 'Hola', text: 'mi pedido', from: { name: 'Ana', address: 'ana@example.test' } });
  });
});

describe('request guard (server.ts)', () => {
  it.each([
    ['/public/api/v1/inboxes/a%00b/contacts', 'url'],
    ['/all/%ED%A0%80', 'url'],
    ['/all/%E0%A4%A', 'url'],
    ['/search?q=a%00b', 'url'],
    ['/search?q=100%', null],
    ['/search?q=%ED%A0%80', null],
    ['/all/12?status=open', null],
  ])('%s → %s', (url, reason) => {
    expect(malformedRequest(url)).toBe(reason);
  });

  it('answers JSON to APIs and a page in the visitor language otherwise', () => {
    expect(JSON.parse(badRequestResponse({ pathname: '/public/api/v1/x', acceptLanguage: 'en', reason: 'url' }).body)).toMatchObject({ error: 'INVALID_INPUT', details: { reason: 'malformed_url' } });
    expect(badRequestResponse({ pathname: '/login', acceptLanguage: 'en-GB,en;q=0.9', reason: 'post' }).body).toContain('This page does not accept that kind of form');
    expect(badRequestResponse({ pathname: '/login', acceptLanguage: null, reason: 'post' }).body).toContain('Esta página no acepta ese tipo de formulario');
  });
});

describe('security headers', () => {
  it('only the widget chat page may be framed; HSTS only over https', () => {
    expect(isFramablePath('/widget/abc123')).toBe(true);
    expect(isFramablePath('/widget.js')).toBe(false);
    expect(isFramablePath('/all')).toBe(false);
    expect(baseSecurityHeaders({ pathname: '/all', https: false })).toMatchObject({ 'X-Frame-Options': 'DENY' });
    expect(baseSecurityHeaders({ pathname: '/all', https: false })).not.toHaveProperty('Strict-Transport-Security');
    expect(baseSecurityHeaders({ pathname: '/all', https: true })['Strict-Transport-Security']).toContain('max-age=');
    expect(baseSecurityHeaders({ pathname: '/widget/abc', https: false })).not.toHaveProperty('X-Frame-Options');
  });

  it('the page CSP allows the nonce and the configured realtime server, and frames only the widget', () => {
    const csp = pageContentSecurityPolicy({ nonce: 'abc', pathname: '/all', env: { PUSHER_APP_ID: 'a', PUSHER_KEY: 'k', PUSHER_HOST: 'soketi.internal', PUSHER_WS_HOST: 'rt.example.com', PUSHER_WS_PORT: '443' } });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("connect-src 'self' ws://rt.example.com:443 wss://rt.example.com:443");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(pageContentSecurityPolicy({ nonce: 'abc', pathname: '/widget/x', env: {} })).toContain('frame-ancestors *');
    expect(realtimeConnectSources({ PUSHER_APP_ID: 'a', PUSHER_KEY: 'k', PUSHER_CLUSTER: 'eu' })).toEqual(['wss://ws-eu.pusher.com']);
    expect(realtimeConnectSources({})).toEqual([]);
  });

  it('route handlers may do nothing when rendered; the service worker may fetch and cache this origin', () => {
    expect(nonPageContentSecurityPolicy('/api/health')).toContain("default-src 'none'");
    expect(nonPageContentSecurityPolicy('/manifest.webmanifest')).toContain("default-src 'none'");
    expect(nonPageContentSecurityPolicy('/sw.js')).toContain("default-src 'self'");
    expect(nonPageContentSecurityPolicy('/sw.js')).toContain("frame-ancestors 'none'");
  });
});
