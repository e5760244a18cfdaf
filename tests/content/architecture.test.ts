import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering the privacy design depends on, checked on the source itself:
 * - routes reach data only through services and the policy layer: no file under
 *   server/src/routes imports a repository, the database module or Kysely, or runs a query;
 * - core/ runs unchanged in the browser and the server: it imports nothing from server/ or web/.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ROUTES = path.join(ROOT, 'server', 'src', 'routes');
const CORE = path.join(ROOT, 'core');

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name)) files.push(full);
  }
  return files;
}

/**
 * Every module specifier a file names: static imports and re-exports (type-only ones too,
 * over several lines), side-effect imports, dynamic import() and require().
 */
function importSpecifiers(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*\s{},$]*?)\s*from\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const match of withoutComments.matchAll(pattern)) found.add(match[1] as string);
  }
  return [...found];
}

/** Where a specifier points: an absolute path for relative ones, else the package name. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier;
}

const within = (folder: string) => (resolved: string) =>
  resolved === folder || resolved.startsWith(`${folder}${path.sep}`);

interface Violation {
  file: string;
  specifier: string;
}

function violations(files: string[], forbidden: (resolved: string) => boolean): Violation[] {
  return files.flatMap((file) =>
    importSpecifiers(fs.readFileSync(file, 'utf8'))
      .filter((specifier) => forbidden(target(file, specifier)))
      .map((specifier) => ({ file: path.relative(ROOT, file), specifier })),
  );
}

describe('architecture', () => {
  it('finds imports in every form they are written', () => {
    const sample = [
      "import { a } from '../repositories/a';",
      "import type {\n  B,\n  C,\n} from '../../repositories/b';",
      "export { d } from './d';",
      "export * from 'kysely';",
      "import 'side-effect';",
      "const e = await import('../e');",
      "const f = require('f');",
      'import g, { h } from "double";',
      "// import { hidden } from 'commented-out';",
      "/* import { hidden } from 'block-comment'; */",
    ].join('\n');
    expect(importSpecifiers(sample).sort()).toEqual(
      [
        '../repositories/a',
        '../../repositories/b',
        './d',
        'kysely',
        'side-effect',
        '../e',
        'f',
        'double',
      ].sort(),
    );
  });

  const routeFiles = sourceFiles(ROUTES).filter((file) => /\.(ts|tsx|mts|cts)$/.test(file));

  it('there are route files to check', () => {
    expect(routeFiles.length).toBeGreaterThan(10);
    expect(routeFiles.map((file) => path.relative(ROUTES, file))).toEqual(
      expect.arrayContaining([path.join('journal', 'journal.routes.ts')]),
    );
  });

  it('no route imports a repository, the database module or Kysely', () => {
    const repositories = within(path.join(ROOT, 'server', 'src', 'repositories'));
    const databaseModule = within(path.join(ROOT, 'server', 'src', 'db'));
    const found = violations(
      routeFiles,
      (resolved) =>
        repositories(resolved) ||
        databaseModule(resolved) ||
        resolved === 'kysely' ||
        resolved.startsWith('kysely/') ||
        resolved === 'better-sqlite3' ||
        resolved === 'pg',
    );
    expect(found, 'routes must go through services and the policy layer').toEqual([]);
  });

  it('no route builds a query or reaches the database handle itself', () => {
    const found = routeFiles.flatMap((file) => {
      const source = fs.readFileSync(file, 'utf8');
      const hits = [
        ...source.matchAll(/\.(selectFrom|insertInto|updateTable|deleteFrom|transaction)\s*\(/g),
        ...source.matchAll(/\bdatabase\s*\.\s*db\b/g),
        ...source.matchAll(/\bsql\s*`/g),
      ];
      return hits.map((hit) => `${path.relative(ROOT, file)}: ${hit[0]}`);
    });
    expect(found).toEqual([]);
  });

  it('nothing under core/ imports from server/ or web/', () => {
    const coreFiles = sourceFiles(CORE);
    expect(coreFiles.length).toBeGreaterThan(10);
    const server = within(path.join(ROOT, 'server'));
    const web = within(path.join(ROOT, 'web'));
    const found = violations(
      coreFiles,
      (resolved) => server(resolved) || web(resolved) || /^(server|web)(\/|$)/.test(resolved),
    );
    expect(found, 'core/ must stay free of server and web code').toEqual([]);
  });
});
