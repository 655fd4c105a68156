// Renders the app icon (public/icons/icon.svg, maskable.svg) to the PNGs and favicon.ico that the web
// app manifest, iOS and old browsers need, with Debian's Chromium: `node --import tsx scripts/make-icons.ts`.
// The outputs are committed; run it again only after changing the SVGs.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const dir = path.resolve(import.meta.dirname, '../public/icons');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();

const render = async (svgFile: string, size: number): Promise<Buffer> => {
  const svg = await readFile(path.join(dir, svgFile), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
};

for (const [file, svg, size] of [
  ['icon-192.png', 'icon.svg', 192],
  ['icon-512.png', 'icon.svg', 512],
  ['maskable-512.png', 'maskable.svg', 512],
  // iOS draws its own rounded corners over a full square.
  ['apple-touch-icon.png', 'maskable.svg', 180],
] as const) {
  await writeFile(path.join(dir, file), await render(svg, size));
}

// favicon.ico: an ICO directory whose entries are PNGs (16, 32 and 48 px), which every browser reads.
const images = await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await render('icon.svg', size) })));
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach(({ size, png }, index) => {
  const entry = 6 + 16 * index;
  header.writeUInt8(size, entry);
  header.writeUInt8(size, entry + 1);
  header.writeUInt16LE(1, entry + 4);
  header.writeUInt16LE(32, entry + 6);
  header.writeUInt32LE(png.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += png.length;
});
await writeFile(path.resolve(dir, '../favicon.ico'), Buffer.concat([header, ...images.map(({ png }) => png)]));
await browser.close();
