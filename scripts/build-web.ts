/**
 * Builds the web app into dist/web and checks the first page's JavaScript budget: the entry
 * script and everything it imports statically, gzipped, must stay within 120 KB. The build
 * fails when it does not, so a heavy dependency cannot slip onto the landing page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { PROJECT_ROOT } from '../server/src/config';

export const LANDING_JS_BUDGET_BYTES = 120_000;

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** Gzipped bytes of the JavaScript the landing page loads before it can render. */
export function landingPageJavaScript(distDir: string): { files: string[]; gzipBytes: number } {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entry = manifest['index.html'];
  if (!entry) throw new Error('The build manifest has no index.html entry.');
  const files = new Set<string>();
  const visit = (chunk: ManifestChunk) => {
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const name of chunk.imports ?? []) {
      const imported = manifest[name];
      if (imported) visit(imported);
    }
  };
  visit(entry);
  let gzipBytes = 0;
  for (const file of files)
    gzipBytes += gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;
  return { files: [...files], gzipBytes };
}

export async function buildWeb(): Promise<void> {
  const distDir = path.join(PROJECT_ROOT, 'dist', 'web');
  await build({ configFile: path.join(PROJECT_ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
  const { files, gzipBytes } = landingPageJavaScript(distDir);
  const kb = (gzipBytes / 1000).toFixed(1);
  console.log(
    `Landing page JavaScript: ${kb} KB gzipped in ${files.length} file(s); budget ${LANDING_JS_BUDGET_BYTES / 1000} KB.`,
  );
  if (gzipBytes > LANDING_JS_BUDGET_BYTES) {
    throw new Error(`The landing page's JavaScript (${kb} KB gzipped) is over its budget.`);
  }
  fs.writeFileSync(path.join(distDir, '.build-stamp'), new Date().toISOString());
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  buildWeb().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
