import { afterEach, describe, expect, it, vi } from 'vitest';
import { appOrigin, appOriginVary } from '@/lib/domain/channels/widget/app-origin';

afterEach(() => {
  vi.unstubAllEnvs();
});

const spoofed = new Headers({ host: 'bandeja.example:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });

describe('appOrigin (the widget loader and snippet)', () => {
  it('ignores X-Forwarded-Host and -Proto unless TRUST_PROXY=true, and says what it varies by', () => {
    vi.stubEnv('APP_URL', '');
    vi.stubEnv('TRUST_PROXY', '');
    expect(appOrigin(spoofed, 'http://bandeja.example:3000/widget.js')).toBe('http://bandeja.example:3000');
    expect(appOriginVary()).toBe('Host');
    // Any other value than "true" is not a yes.
    vi.stubEnv('TRUST_PROXY', 'false');
    expect(appOrigin(spoofed, 'http://bandeja.example:3000/widget.js')).toBe('http://bandeja.example:3000');

    vi.stubEnv('TRUST_PROXY', 'true');
    expect(appOrigin(spoofed, 'http://bandeja.example:3000/widget.js')).toBe('https://evil.example');
    expect(appOriginVary()).toBe('Host, X-Forwarded-Host, X-Forwarded-Proto');
  });

  it('APP_URL wins over every header, and then nothing varies', () => {
    vi.stubEnv('APP_URL', 'https://soporte.example/');
    vi.stubEnv('TRUST_PROXY', 'true');
    expect(appOrigin(spoofed)).toBe('https://soporte.example');
    expect(appOriginVary()).toBeNull();
  });
});
