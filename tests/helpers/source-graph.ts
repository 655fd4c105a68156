import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The app's sources as a graph of imports, for tests that check what a client module reaches
// (tests/unit/bundle/client-imports.test.ts, tests/unit/i18n/client-messages.test.ts).
export const root = path.resolve(import.meta.dirname, '../..');

export const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });

export const directive = (source: string) => /^\s*(?:\/\/[^\n]*\n\s*)*['"]use (client|server)['"]/.exec(source)?.[1];

// The specifiers of the imports and re-exports that stay in the emitted code.
export const valueImports = (source: string): string[] => {
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

export const resolveLocal = (specifier: string, fromFile: string): string | undefined => {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(fromFile), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((file) => existsSync(file) && statSync(file).isFile());
};

// useTranslations() without a namespace reads keys it builds itself: these files name what they read.
const ROOT_TRANSLATORS: Record<string, string[]> = {
  'components/contacts/field-error.tsx': ['contacts.errors'],
};

// The message namespaces the browser needs under the given server entries (layouts and pages): those
// of every client module they render, found by following imports from them (a module is a client
// one from its 'use client' on; server actions are references and are not followed). A namespace-less
// useTranslations() must be one of ROOT_TRANSLATORS.
export const clientNamespacesUnder = (entries: string[]): { namespaces: Set<string>; unknown: string[] } => {
  const namespaces = new Set<string>();
  const unknown: string[] = [];
  const seen = new Map<string, boolean>();
  const visit = (file: string, client: boolean) => {
    if (seen.get(file) === true || (seen.has(file) && !client)) return;
    seen.set(file, client);
    const source = readFileSync(file, 'utf8');
    const kind = directive(source);
    if (kind === 'server' && !entries.includes(file)) return;
    const isClient = client || kind === 'client';
    if (isClient) {
      for (const match of source.matchAll(/useTranslations\(\s*(?:'([^']*)')?\s*\)/g)) {
        const relative = path.relative(root, file);
        if (match[1] !== undefined) namespaces.add(match[1]);
        else if (ROOT_TRANSLATORS[relative]) ROOT_TRANSLATORS[relative].forEach((namespace) => namespaces.add(namespace));
        else unknown.push(relative);
      }
    }
    for (const specifier of valueImports(source)) {
      if (!specifier.startsWith('.') && !specifier.startsWith('@/')) continue;
      const next = resolveLocal(specifier, file);
      if (next) visit(next, isClient);
    }
  };
  for (const entry of entries) visit(entry, false);
  return { namespaces, unknown };
};
