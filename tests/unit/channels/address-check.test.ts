import { describe, expect, it } from 'vitest';
import { isPublicAddress, resolveWebhookTarget } from '@/lib/domain/webhooks/address-check';

describe('isPublicAddress (webhook SSRF guard)', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.255',
    '0.0.0.0', '224.0.0.1', '239.255.255.250', '255.255.255.255', '198.18.0.1', '192.0.2.10',
    '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'ff02::1', '2001:db8::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '0:0:0:0:0:ffff:192.168.0.1', '64:ff9b::10.0.0.1', '::127.0.0.1',
    '2002:7f00:1::', 'not-an-ip', '',
    // NAT64 in every spelling, the local-use prefix whatever it carries, and IPv4-translated (SIIT) forms.
    '64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b::192.168.0.1', '64:FF9B::127.0.0.1', '64:ff9b:0:0:0:0:a00:1',
    '64:ff9b:1::10.0.0.1', '64:ff9b:1::8.8.8.8', '64:ff9b:1:abcd::1', '64:ff9b:2::1',
    '::ffff:0:127.0.0.1', '::ffff:0:a00:1', '::ffff:0:169.254.169.254', '0:0:0:0:ffff:0:c0a8:1',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '::ffff:0:8.8.8.8'])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('resolveWebhookTarget', () => {
  const production = { allowPrivate: false };

  it('refuses other schemes, credentials in the URL and unparseable URLs', async () => {
    expect(await resolveWebhookTarget('ftp://example.com/hook', production)).toEqual({ ok: false, reason: 'scheme' });
    expect(await resolveWebhookTarget('file:///etc/passwd', production)).toEqual({ ok: false, reason: 'scheme' });
    expect(await resolveWebhookTarget('javascript:alert(1)', production)).toEqual({ ok: false, reason: 'scheme' });
    expect(await resolveWebhookTarget('https://user:pw@example.com/', production)).toEqual({ ok: false, reason: 'credentials' });
    expect(await resolveWebhookTarget('not a url', production)).toEqual({ ok: false, reason: 'invalid_url' });
  });

  it('refuses literal private addresses, IPv6 in brackets and IPv4-mapped ones', async () => {
    for (const url of ['http://127.0.0.1:8080/', 'http://[::1]/', 'http://[64:ff9b::127.0.0.1]/', 'http://[64:ff9b:1::a00:1]/', 'http://[::ffff:0:a9fe:a9fe]/', 'http://[::ffff:127.0.0.1]/', 'http://[fd00::1]/', 'http://169.254.169.254/latest/meta-data', 'http://0x7f000001/', 'http://2130706433/']) {
      expect(await resolveWebhookTarget(url, production), url).toMatchObject({ ok: false });
    }
  });

  it('refuses a name that resolves to a private address, even among public ones (DNS rebinding setups)', async () => {
    const resolve = async (host: string) =>
      host === 'internal.example'
        ? [{ address: '10.1.2.3', family: 4 }]
        : host === 'mixed.example'
          ? [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:192.168.0.5', family: 6 }]
          : [{ address: '93.184.216.34', family: 4 }];
    expect(await resolveWebhookTarget('https://internal.example/hook', { ...production, resolve })).toEqual({ ok: false, reason: 'private_address' });
    expect(await resolveWebhookTarget('https://mixed.example/hook', { ...production, resolve })).toEqual({ ok: false, reason: 'private_address' });
    expect(await resolveWebhookTarget('https://public.example/hook', { ...production, resolve })).toMatchObject({ ok: true });
  });

  it('refuses a name that does not resolve; private targets are allowed outside production mode', async () => {
    const fail = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await resolveWebhookTarget('https://nowhere.invalid/', { ...production, resolve: fail })).toEqual({ ok: false, reason: 'unresolvable' });
    expect(await resolveWebhookTarget('http://127.0.0.1:9/hook', { allowPrivate: true })).toMatchObject({ ok: true });
  });
});
