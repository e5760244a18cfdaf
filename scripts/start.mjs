// `npm start`: builds the web app when it is missing or older than its sources, then starts
// the server. Plain JavaScript so it runs before anything else is set up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', 'web', '.build-stamp');
const sources = ['web', 'core'].map((folder) => path.join(root, folder));

function newestChange(folder) {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (builtAt < Math.max(...sources.map(newestChange))) {
  console.log('Building the web app…');
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The server runs in this process (TypeScript loaded by tsx), so signals reach it directly.
const { register } = await import('tsx/esm/api');
register();
await import(new URL('../server/src/main.ts', import.meta.url).href);
