import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '@/app/manifest';
import { THEME_COLOR } from '@/components/pwa/theme-color';

// The manifest as /manifest.webmanifest serves it (tests/e2e/pwa.e2e.test.ts asks Chromium about
// installability): here, that it stays in step with the app's colours and routes.
const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('web app manifest', () => {
  it("uses the brand colour of globals.css as theme colour, also the icons' ground", () => {
    const brand = /--color-brand-500:\s*(#[0-9a-f]{6})/i.exec(read('app/globals.css'))?.[1];
    expect(brand).toBeTruthy();
    expect(THEME_COLOR).toBe(brand);
    expect(manifest().theme_color).toBe(brand);
    for (const icon of ['public/icons/icon.svg', 'public/icons/maskable.svg']) expect(read(icon), icon).toContain(`fill="${brand}"`);
  });

  it('starts where every agent starts (/all), inside its scope', () => {
    const { start_url: startUrl, scope, id } = manifest();
    expect(startUrl).toBe('/all');
    expect(startUrl?.startsWith(scope ?? '')).toBe(true);
    expect(id).toBe('/');
    // The same place the dashboard's `/` leads to.
    expect(read('app/(dashboard)/page.tsx')).toContain(`redirect('${startUrl}')`);
  });
});
