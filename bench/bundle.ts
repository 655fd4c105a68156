import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

// `npm run bench:bundle [-- --output=bench/bundle-results.json]`: the JavaScript a browser downloads
// for each page of the production build (.next, from `npx next build`), gzip-compressed as a server
// would send it. A page loads the chunks of its root layout, of every layout above it and of the page
// itself (.next/app-build-manifest.json); each chunk counts once. Load-independent: bytes, not times.

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: '.next' },
    output: { type: 'string', default: path.resolve(import.meta.dirname, 'bundle-results.json') },
    // Routes whose name contains one of these (comma-separated); all pages by default.
    only: { type: 'string' },
  },
});

type RouteBundle = { route: string; files: number; rawBytes: number; gzipBytes: number; chunks: Array<{ file: string; gzipBytes: number }> };

const manifestFile = path.join(args.dir, 'app-build-manifest.json');
if (!existsSync(manifestFile)) throw new Error(`bench:bundle: no ${manifestFile}; run \`npx next build\` first`);
const entries = (JSON.parse(readFileSync(manifestFile, 'utf8')) as { pages: Record<string, string[]> }).pages;

const gzipCache = new Map<string, { raw: number; gzip: number }>();
const sizeOf = (file: string) => {
  let size = gzipCache.get(file);
  if (!size) {
    const content = readFileSync(path.join(args.dir, file));
    // Level 9, as Next.js's own build report (and most servers' static gzip) uses.
    size = { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
    gzipCache.set(file, size);
  }
  return size;
};

// The layouts above a page entry: '/(dashboard)/all/[conversationId]/page' → '/layout', '/(dashboard)/layout', …
const layoutsAbove = (entry: string): string[] => {
  const segments = entry.split('/').slice(1, -1);
  return ['/layout', ...segments.map((_, index) => `/${segments.slice(0, index + 1).join('/')}/layout`)].filter((name) => name in entries);
};

// The URL a page entry answers: route groups and the views' internal list-state segment dropped.
const routeOf = (entry: string) => entry.replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '').replace('/[listState]', '') || '/';

export const measureRoute = (entry: string): RouteBundle => {
  const files = [...new Set([...layoutsAbove(entry), entry].flatMap((name) => entries[name] ?? []))].filter((file) => file.endsWith('.js'));
  const chunks = files.map((file) => ({ file, gzipBytes: sizeOf(file).gzip }));
  return {
    route: routeOf(entry),
    files: files.length,
    rawBytes: files.reduce((sum, file) => sum + sizeOf(file).raw, 0),
    gzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    chunks,
  };
};

const pages = Object.keys(entries)
  .filter((entry) => entry.endsWith('/page') && !entry.startsWith('/_'))
  .filter((entry) => !args.only || args.only.split(',').some((part) => entry.includes(part)));
const routes = pages.map(measureRoute).sort((a, b) => a.route.localeCompare(b.route));

// kB = 1000 bytes, as Next.js reports First Load JS.
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
console.log('route'.padEnd(48), 'JS gzip kB'.padStart(10), 'raw kB'.padStart(8), 'files'.padStart(6));
for (const route of routes) console.log(route.route.padEnd(48), kb(route.gzipBytes).padStart(10), kb(route.rawBytes).padStart(8), String(route.files).padStart(6));

// The biggest chunks of the list and conversation pages: where to look first.
const conversationPage = routes.find((route) => route.route === '/all/[conversationId]');
if (conversationPage) {
  console.log('\n/all/[conversationId] chunks (gzip kB):');
  for (const chunk of [...conversationPage.chunks].sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`  ${kb(chunk.gzipBytes).padStart(6)}  ${chunk.file}`);
}

const buildId = readFileSync(path.join(args.dir, 'BUILD_ID'), 'utf8').trim();
writeFileSync(
  args.output,
  `${JSON.stringify({ measuredAt: new Date().toISOString(), buildId, node: process.version, loadAverage: os.loadavg(), routes }, null, 2)}\n`,
);
console.log(`\nwritten to ${path.relative(process.cwd(), args.output)}`);
