import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { directive, resolveLocal, root, sourceFiles, valueImports } from '@/tests/helpers/source-graph';

// What a client component's imports reach is shipped to every browser that shows it. The server's
// libraries have no business there: importing one constant from a domain module once brought zod,
// drizzle-orm and Node's Buffer into the macro editor (44 kB gzip; issue 16, JS per page). This walks
// the value imports of every 'use client' module, stopping at server actions ('use server': the
// browser gets a reference) and at type-only imports (erased), and lists the server packages reached.

const SERVER_ONLY = /^(zod|drizzle-orm|postgres|@electric-sql\/pglite|next-auth|resend|pusher|web-push)(\/|$)|^node:|^(fs|path|crypto|buffer)$/;
const SOURCE_DIRS = ['app', 'components', 'lib'];

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
