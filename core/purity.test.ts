import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * core/ must run unchanged in the browser and on the server (STYLE.md, habit 1). ESLint's
 * no-restricted-imports says the same while editing; this test fails the build if anything
 * slips past it, including dynamic imports and requires.
 */

const CORE_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Packages (and their sub-paths) that mean IO, a server or a UI framework. */
const FORBIDDEN_PACKAGES = [
  'fastify',
  '@fastify/*',
  'kysely',
  'pg',
  'better-sqlite3',
  'react',
  'react-dom',
  'react-router',
  '@tanstack/*',
];

const NODE_BUILTINS = new Set(builtinModules);

/** Why an import specifier found in `file` breaks core's purity, or null if it is fine. */
function impurity(file: string, specifier: string): string | null {
  if (specifier.startsWith('node:')) return 'Node built-in';
  const packageName = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] ?? specifier);
  if (NODE_BUILTINS.has(packageName)) return 'Node built-in';
  for (const forbidden of FORBIDDEN_PACKAGES) {
    const matches = forbidden.endsWith('/*')
      ? packageName.startsWith(forbidden.slice(0, -1))
      : packageName === forbidden;
    if (matches) return `forbidden package ${forbidden}`;
  }
  if (
    specifier.startsWith('/') ||
    /^[a-z]:[\\/]/i.test(specifier) ||
    specifier.startsWith('file:')
  ) {
    return 'absolute path';
  }
  if (specifier.startsWith('.')) {
    const target = path.resolve(path.dirname(file), specifier);
    const relative = path.relative(CORE_DIR, target);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return 'reaches outside core/';
  }
  return null;
}

/** Every module specifier in some TypeScript source: imports, re-exports, import(), require(). */
function importSpecifiers(source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  return info.importedFiles.map((file) => file.fileName);
}

function coreSourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { recursive: true, encoding: 'utf8' }).flatMap((relative) => {
    const file = path.join(directory, relative);
    if (!/\.(ts|tsx|mts|cts|js|mjs)$/.test(file) || /\.test\.tsx?$/.test(file)) return [];
    return fs.statSync(file).isFile() ? [file] : [];
  });
}

describe('core purity', () => {
  describe('the detector', () => {
    const sampleFile = path.join(CORE_DIR, 'content', 'sample.ts');
    const bad = [
      "import fs from 'node:fs';",
      'import { readFile } from "fs/promises";',
      "import * as path from 'path';",
      "import { createHash } from 'crypto';",
      "import type { FastifyInstance } from 'fastify';",
      "import cookie from '@fastify/cookie';",
      "export { sql } from 'kysely';",
      "const pg = require('pg');",
      "const db = await import('better-sqlite3');",
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { useQuery } from '@tanstack/react-query';",
      "import { app } from '../../server/src/app';",
      "export * from '../../web/src/main';",
      "import '/etc/passwd';",
    ];

    it.each(bad)('catches %s', (statement) => {
      const specifiers = importSpecifiers(statement);
      expect(specifiers).toHaveLength(1);
      expect(impurity(sampleFile, specifiers[0] ?? '')).not.toBeNull();
    });

    it('lets imports inside core/ through, and ignores words in comments and strings', () => {
      const source = [
        "import { DomainError } from '../errors/domain-error';",
        "import { parseFrontMatter, type FrontMatterValue } from './front-matter';",
        "import type { TopicId } from './topics';",
        "// import fs from 'node:fs' was removed",
        'const text = "import fs from \'node:fs\'";',
      ].join('\n');
      const specifiers = importSpecifiers(source);
      expect(specifiers).toEqual(['../errors/domain-error', './front-matter', './topics']);
      expect(specifiers.map((specifier) => impurity(sampleFile, specifier))).toEqual([
        null,
        null,
        null,
      ]);
    });

    it('does not mistake a package whose name only starts like a forbidden one', () => {
      expect(impurity(sampleFile, 'reactive-thing')).toBeNull();
      expect(impurity(sampleFile, 'pgx')).toBeNull();
    });
  });

  it('finds the core source files', () => {
    const files = coreSourceFiles(CORE_DIR).map((file) => path.relative(CORE_DIR, file));
    expect(files).toContain(path.join('content', 'markdown.ts'));
    expect(files.some((file) => file.endsWith('.test.ts'))).toBe(false);
  });

  it('no non-test file under core/ imports IO, server or UI code, or anything outside core/', () => {
    const problems = coreSourceFiles(CORE_DIR).flatMap((file) =>
      importSpecifiers(fs.readFileSync(file, 'utf8')).flatMap((specifier) => {
        const reason = impurity(file, specifier);
        return reason ? [`${path.relative(CORE_DIR, file)}: "${specifier}" (${reason})`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });
});
