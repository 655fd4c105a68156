import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// `npm start`: build the app when its sources changed since the last build, then serve it.
const SOURCES = ['app', 'components', 'lib', 'db', 'middleware.ts', 'next.config.mjs', 'package-lock.json', 'postcss.config.mjs'];
const stampFile = path.join('.next', 'bandeja-source-stamp');

const walk = (entry: string): string[] => {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).flatMap((name) => walk(path.join(entry, name)));
};

const sourceStamp = () => {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(walk).sort()) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
};

const stamp = sourceStamp();
const built = existsSync(path.join('.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
if (!built) {
  console.log('bandeja: building the app (next build)…');
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, stamp);
}

await import('../server');
