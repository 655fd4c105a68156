import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { allowConsoleErrors, baseUrl, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

// Bad values through EVERY route handler (found on disk: app/**/route.ts) and EVERY server action
// (found in the build's manifest), as a signed-in agent and signed out: nothing may answer 5xx.
// New routes and actions are picked up without touching this file.

const root = path.resolve(import.meta.dirname, '../..');
const NUL = '\u0000';
const LONG = 'x'.repeat(250);

const routeFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : Promise.resolve(entry.name === 'route.ts' ? [path.join(dir, entry.name)] : []))));
  return nested.flat();
};

// A route file's URL with every [param] replaced by `value`.
const routeUrl = (file: string, value: string) =>
  path
    .relative(path.join(root, 'app'), path.dirname(file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[\.\.\./.test(segment) ? 'session' : /^\[.*\]$/.test(segment) ? value : segment))
    .join('/');

const PARAM_VALUES = ['1', '99999999999999999999', '-1', 'abc', "1'--", '%ED%A0%80', 'a%00b', '%E0%A4%A'];
// (A NUL in the URL never gets past server.ts: the security e2e test covers that.)
const QUERY = `?before=99999999999999999999&q=${LONG}&cursor=%7Bbroken&inbox=x&typing_status=maybe`;

let nested = 'hola';
for (let level = 0; level < 300; level++) nested = `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n${nested}\r\n--b${level}--\r\n`;
const DEEP_MIME = `From: a@example.test\r\nTo: b@example.test\r\nSubject: x\r\n${nested}`;

const form = () => {
  const body = new FormData();
  for (const name of ['content', 'name', 'email', 'title', 'q', 'file', 'attachments[]', 'typing']) body.append(name, `a${NUL}b`);
  body.append('attachments[]', new Blob([`x${NUL}y`]), `a${NUL}.txt`);
  return body;
};

const BODIES: Array<{ type?: string; body: () => BodyInit }> = [
  { type: 'application/json', body: () => JSON.stringify({ content: `a${NUL}b`, name: NUL, email: `${NUL}@x.y`, echoId: NUL, echo_id: NUL, typing: NUL, typing_status: NUL, identifier: NUL, private: 'yes', attachmentIds: ['x'], custom_attributes: { [NUL]: NUL } }) },
  { type: 'application/json', body: () => '{"content": "unterminated' },
  { type: 'application/json', body: () => JSON.stringify([LONG, 99999999999999999999, null]) },
  { type: 'message/rfc822', body: () => DEEP_MIME },
  { body: form },
];

const signedInCookie = async () => {
  const page = await newAgentPage();
  await signIn(page, 'carlos@bandeja.test', 'bandeja-demo');
  const cookies = await page.context().cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
};

const failures: string[] = [];
const check = async (label: string, run: () => Promise<Response>) => {
  try {
    const response = await run();
    if (response.status >= 500) failures.push(`${label} → ${response.status} ${(await response.text()).slice(0, 120)}`);
    else await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    failures.push(`${label} → ${String(error)}`);
  }
};

describe('fuzz', () => {
  test('every route handler answers bad values with a 4xx (or a success), never 5xx', { timeout: 600_000 }, async () => {
    const files = await routeFiles(path.join(root, 'app'));
    expect(files.length).toBeGreaterThan(15);
    failures.length = 0;
    for (const cookie of [await signedInCookie(), '']) {
      for (const file of files) {
        for (const value of PARAM_VALUES) {
          const url = `${baseUrl()}/${routeUrl(file, value)}`;
          await check(`GET ${url}`, () => fetch(`${url}${QUERY}`, { headers: { cookie }, redirect: 'manual' }));
          for (const method of ['POST', 'PATCH']) {
            for (const variant of BODIES) {
              await check(`${method} ${url} ${variant.type ?? 'multipart'}`, () =>
                fetch(`${url}${QUERY}`, { method, headers: { cookie, ...(variant.type ? { 'Content-Type': variant.type } : {}) }, body: variant.body(), redirect: 'manual' }),
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test('every server action answers bad arguments without a 5xx', { timeout: 600_000 }, async () => {
    const manifest = JSON.parse(await readFile(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, { workers: Record<string, unknown> }> };
    const actions = Object.entries(manifest.node).map(([id, { workers }]) => ({
      id,
      // The page of the first worker that has it, with its [params] filled in.
      page: `/${Object.keys(workers)[0].replace(/^app\//, '').replace(/\/page$/, '').split('/').filter((segment) => !/^\(.*\)$/.test(segment)).map((segment) => (/^\[.*\]$/.test(segment) ? '1' : segment)).join('/')}`,
    }));
    expect(actions.length).toBeGreaterThan(30);
    allowConsoleErrors(/401 \(Unauthorized\) \[[^\]]*\/api\/realtime\/(user-)?auth\]/, 'the sign-out action ends the session the signed-in page re-authorises its socket with');
    failures.length = 0;
    let cookie = await signedInCookie();
    const argumentsFor = (): Array<{ type?: string; body: () => BodyInit }> => [
      { type: 'text/plain;charset=UTF-8', body: () => JSON.stringify([NUL, { view: { kind: 'view', id: 99999999999 }, [NUL]: LONG }]) },
      { type: 'text/plain;charset=UTF-8', body: () => JSON.stringify([{ kind: 'inbox', id: -1 }, { tab: NUL, cursor: NUL, filter: NUL }]) },
      { type: 'text/plain;charset=UTF-8', body: () => '[not json' },
      {
        body: () => {
          // React's encoding of (previousState, formData): the FormData's fields prefixed "1_".
          const body = new FormData();
          body.append('0', JSON.stringify([{}, '$K1']));
          for (const name of ['content', 'name', 'email', 'password', 'currentPassword', 'newPassword', 'confirmPassword', 'token', 'title', 'q', 'conversationId', 'labelId', 'macroId', 'id', 'intent', 'path', 'field', 'op', 'value']) {
            body.append(`1_${name}`, name.endsWith('Id') || name === 'id' ? '99999999999999999999' : `a${NUL}b`);
          }
          return body;
        },
      },
    ];
    for (const action of actions) {
      for (const variant of argumentsFor()) {
        await check(`action ${action.id} on ${action.page} ${variant.type ?? 'multipart'}`, () =>
          fetch(`${baseUrl()}${action.page}`, {
            method: 'POST',
            headers: { cookie, 'Next-Action': action.id, Accept: 'text/x-component', ...(variant.type ? { 'Content-Type': variant.type } : {}) },
            body: variant.body(),
            redirect: 'manual',
          }),
        );
      }
      // An action that signed the agent out (sign-out) leaves the rest to a new session.
      const session = await (await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie } })).json().catch(() => null);
      if (!session?.user) cookie = await signedInCookie();
    }
    expect(failures).toEqual([]);
  });
});
