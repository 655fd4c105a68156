import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

// What a client component's imports reach is shipped to every browser that shows it. The server's
// libraries have no business there: importing one constant from a domain module once brought zod,
// drizzle-orm and Node's Buffer into the macro editor (44 kB gzip; issue 16, JS per page). This walks
// the value imports of every 'use client' module, stopping at server actions ('use server': the
// browser gets a reference) and at type-only imports (erased), and lists the server packages reached.

const root = path.resolve(import.meta.dirname, '../../..');
const SERVER_ONLY = /^(zod|drizzle-orm|postgres|@electric-sql\/pglite|next-auth|resend|pusher|web-push)(\/|$)|^node:|^(fs|path|crypto|buffer)$/;
const SOURCE_DIRS = ['app', 'components', 'lib'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });

const directive = (source: string) => /^\s*(?:\/\/[^\n]*\n\s*)*['"]use (client|server)['"]/.exec(source)?.[1];

// The specifiers of the imports and re-exports that stay in the emitted code.
const valueImports = (source: string): string[] => {
  const found: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(statement)) {
    const [, , clause = '', from, sideEffect, dynamic] = match;
    if (sideEffect || dynamic) {
      found.push((sideEffect ?? dynamic)!);
      continue;
    }
    if (/^type\s/.test(clause)) continue;
    const named = /\{([^}]*)\}/.exec(clause);
    const onlyTypes = named && !clause.replace(named[0], '').replace(/[\s,]/g, '') && named[1]!.split(',').every((part) => !part.trim() || /^type\s/.test(part.trim()));
    if (!onlyTypes) found.push(from!);
  }
  return found;
};

const resolveLocal = (specifier: string, fromFile: string): string | undefined => {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(fromFile), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((file) => existsSync(file) && statSync(file).isFile());
};

// Each server package a client module reaches, with one path of imports that leads there.
const serverPackagesReached = (entry: string): string[] => {
  const reached: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    if (trail.length > 0 && directive(source) === 'server') return;
    for (const specifier of valueImports(source)) {
      if (specifier.startsWith('.') || specifier.startsWith('@/')) {
        const next = resolveLocal(specifier, file);
        if (next) visit(next, [...trail, path.relative(root, file)]);
      } else if (SERVER_ONLY.test(specifier)) {
        reached.push(`${[...trail, path.relative(root, file)].join(' → ')} → ${specifier}`);
      }
    }
  };
  visit(entry, []);
  return reached;
};

describe('client components ship no server library', () => {
  const clientModules = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))).filter((file) => directive(readFileSync(file, 'utf8')) === 'client');

  test('there are client modules to check', () => {
    expect(clientModules.length).toBeGreaterThan(50);
  });

  test('no value import of a client module reaches zod, drizzle-orm, postgres or a Node.js module', () => {
    expect(clientModules.flatMap(serverPackagesReached)).toEqual([]);
  });

  test('the walk finds what the macro editor once reached', () => {
    const probe = path.join(root, 'lib/domain/macros/macro-draft.ts');
    expect(serverPackagesReached(probe).some((trail) => trail.endsWith('→ zod'))).toBe(true);
  });
});
