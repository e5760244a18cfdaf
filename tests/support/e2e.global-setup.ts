import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string | null;
  }
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Browser tier set-up: build the web app as shipped, and find a Chromium. Without one the
 * tier is skipped with a clear line, unless REQUIRE_BROWSER=1, when the run fails.
 */
export default function setup(project: TestProject): void {
  const chromiumPath = [process.env.CHROMIUM_PATH, ...CANDIDATES].find(
    (candidate): candidate is string => Boolean(candidate) && fs.existsSync(candidate as string),
  );
  if (!chromiumPath) {
    if (process.env.REQUIRE_BROWSER === '1') {
      throw new Error(
        'REQUIRE_BROWSER=1 but no Chromium was found (install it: apt-get install -y chromium).',
      );
    }
    console.warn(
      'Browser tests skipped: no Chromium found (set CHROMIUM_PATH or install chromium).',
    );
    project.provide('chromiumPath', null);
    return;
  }
  // A separate process, so the build is the production one people get (Vitest sets
  // NODE_ENV=test, which would otherwise give React's development build).
  const root = path.resolve(import.meta.dirname, '..', '..');
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('Building the web app for the browser tests failed.');
  project.provide('chromiumPath', chromiumPath);
}
