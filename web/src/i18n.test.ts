import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { enGBFirstPage } from '../../core/i18n/en-GB.first-page';
import { isMessageKey, loadAllMessages, t } from './i18n';

const WEB_SRC = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(WEB_SRC, '..', '..');

/**
 * Every file the first page loads: main.tsx and what it imports statically (lazy `import()`s
 * of other pages are not followed, as the bundler does not put them in the first page).
 */
function firstPageFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm,
    )) {
      const base = path.resolve(path.dirname(file), match[1]!);
      const found = ['', '.ts', '.tsx', '/index.ts']
        .map((ext) => base + ext)
        .find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
      if (found && /\.tsx?$/.test(found)) visit(found);
    }
  };
  visit(path.join(WEB_SRC, 'main.tsx'));
  return [...seen];
}

describe('interface text on the first page', () => {
  const files = firstPageFiles();

  it('follows the first page from main.tsx to the landing page and the layout', () => {
    const names = files.map((file) => path.relative(ROOT, file));
    expect(names).toContain('web/src/app/App.tsx');
    expect(names).toContain('web/src/routes/LandingPage.tsx');
    expect(names).toContain('web/src/features/layout/Layout.tsx');
    expect(names).not.toContain('web/src/routes/PlanPage.tsx');
  });

  it('has the words for every key the first page uses', async () => {
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(match[1]!);
      // Keys made at run time (`api.${code}`): the whole group must be there.
      for (const match of source.matchAll(/`([a-zA-Z]+\.)\$\{/g)) prefixes.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((key) => !Object.hasOwn(enGBFirstPage, key));
    expect(missing, 'keys the first page shows that only load later').toEqual([]);
    for (const prefix of prefixes) {
      const everywhere = Object.keys((await import('../../core/i18n/en-GB')).enGB).filter((key) =>
        key.startsWith(prefix),
      );
      const first = Object.keys(enGBFirstPage).filter((key) => key.startsWith(prefix));
      expect(first, `all of ${prefix}* on the first page`).toEqual(everywhere);
    }
  });

  it('writes each first-page key once: en-GB.ts takes them all and repeats none', async () => {
    const { enGB } = await import('../../core/i18n/en-GB');
    for (const [key, words] of Object.entries(enGBFirstPage))
      expect((enGB as Record<string, string>)[key], key).toBe(words);
    const rest = fs.readFileSync(path.join(ROOT, 'core/i18n/en-GB.ts'), 'utf8');
    const repeated = Object.keys(enGBFirstPage).filter((key) => rest.includes(`'${key}':`));
    expect(repeated).toEqual([]);
  });
});

describe('t', () => {
  it('reports a key used before the rest of the text has loaded, shows nothing, and has it after loading', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      if (!isMessageKey('plan.title')) {
        expect(t('plan.title')).toBe('');
        expect(error).toHaveBeenCalledWith(expect.stringContaining('plan.title'));
      }
      await loadAllMessages();
      expect(isMessageKey('plan.title')).toBe(true);
      expect(t('plan.title')).toBe('My plan');
      expect(t('layout.getHelpNow')).toBe('Get help now');
    } finally {
      error.mockRestore();
    }
  });

  it('fills placeholders', async () => {
    await loadAllMessages();
    expect(t('plan.minutes', { planned: 45 })).toBe('About 45 minutes this week.');
  });
});
