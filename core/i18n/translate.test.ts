import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOPIC_IDS } from '../content/topics';
import { HELP_REGIONS } from '../safety/help-lines';
import { enGB } from './en-GB';
import {
  createTranslator,
  formatMessage,
  isMessageKey,
  LOCALE,
  t,
  type Messages,
} from './translate';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('formatMessage', () => {
  it('fills every {name} placeholder, with strings or numbers', () => {
    expect(formatMessage('{count} of {total} done, {count}!', { count: 2, total: 'five' })).toBe(
      '2 of five done, 2!',
    );
  });

  it('leaves a placeholder visible when its value is missing, so a reviewer can spot it', () => {
    expect(formatMessage('Hello {name}, version {version}', { version: 3 })).toBe(
      'Hello {name}, version 3',
    );
    expect(formatMessage('Hello {name}')).toBe('Hello {name}');
    expect(formatMessage('Hello {name}', {})).toBe('Hello {name}');
  });

  it('does not fill placeholders from the object prototype', () => {
    expect(formatMessage('{toString} {constructor}', {})).toBe('{toString} {constructor}');
  });

  it('inserts values literally: no second pass, no $ replacement patterns', () => {
    expect(formatMessage('A {a} B {b}', { a: '{b}', b: '$& $1 $$' })).toBe('A {b} B $& $1 $$');
  });

  it('ignores braces that are not placeholders', () => {
    expect(formatMessage('{ } {} {two words} {é}', { two: 'x' })).toBe('{ } {} {two words} {é}');
  });

  it('property: a template without braces comes back unchanged, whatever the values', () => {
    fc.assert(
      fc.property(
        fc.string().filter((value) => !value.includes('{')),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
        (template, values) => {
          expect(formatMessage(template, values)).toBe(template);
        },
      ),
    );
  });

  it('property: a filled placeholder shows exactly its value', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\w{1,10}$/),
        fc.string(),
        fc.string(),
        (name, before, value) => {
          fc.pre(!before.includes('{'));
          expect(formatMessage(`${before}{${name}}`, { [name]: value })).toBe(`${before}${value}`);
        },
      ),
    );
  });
});

describe('translators', () => {
  it('t translates en-GB keys and fills values', () => {
    expect(LOCALE).toBe('en-GB');
    expect(t('app.name')).toBe('Closer');
    expect(t('consent.version', { version: '2026-11-25' })).toBe('Version 2026-11-25');
    expect(t('learn.results.none')).toContain('{query}');
  });

  it('createTranslator uses the messages it is given', () => {
    const messages: Messages = { ...enGB, 'app.name': 'Plus proche' };
    expect(createTranslator(messages)('app.name')).toBe('Plus proche');
  });

  it('isMessageKey accepts own keys only', () => {
    expect(isMessageKey('help.title')).toBe(true);
    expect(isMessageKey('help.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey('__proto__')).toBe(false);
  });
});

describe('en-GB messages', () => {
  const entries = Object.entries(enGB) as [string, string][];

  it('has no empty message', () => {
    const empty = entries.filter(([, message]) => message.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses braces only for well-formed {name} placeholders', () => {
    const malformed = entries
      .filter(([, message]) => /[{}]/.test(message.replace(/\{\w+\}/g, '')))
      .map(([key]) => key);
    expect(malformed).toEqual([]);
  });

  it('has a label for every topic, region and help need, and every help-line note', () => {
    const needed = [
      ...TOPIC_IDS.map((topic) => `topic.${topic}`),
      ...HELP_REGIONS.map((region) => `help.region.${region.code}`),
      ...HELP_REGIONS.flatMap((region) => region.lines.map((line) => `help.need.${line.need}`)),
      ...HELP_REGIONS.flatMap((region) =>
        region.lines.flatMap((line) => (line.noteKey ? [line.noteKey] : [])),
      ),
    ];
    expect(needed.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('has a message for every problem code that core returns to people', () => {
    const codes = [
      'password_too_short',
      'password_too_long',
      'password_common',
      'username_invalid',
      'email_invalid',
    ];
    expect(codes.filter((code) => !isMessageKey(`api.${code}`))).toEqual([]);
  });
});

/** Source files that ship: .ts and .tsx, not tests. */
function sourceFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { recursive: true, encoding: 'utf8' }).flatMap((relative) => {
    const file = path.join(directory, relative);
    if (relative.split(path.sep).includes('node_modules')) return [];
    if (!/\.tsx?$/.test(file) || /\.(test|int\.test|e2e)\.tsx?$/.test(file)) return [];
    return fs.statSync(file).isFile() ? [file] : [];
  });
}

interface KeyUse {
  file: string;
  key: string;
  /** A template literal with `${…}`: only the text before the first `${` is known. */
  dynamic: boolean;
}

/** Every `t('key')`, `t("key")` and `` t(`key`) `` call in some source text. */
function findKeyUses(file: string, source: string): KeyUse[] {
  const uses: KeyUse[] = [];
  const call = /\bt\(\s*(?:'([^'\\\n]*)'|"([^"\\\n]*)"|`([^`\\]*)`)/g;
  for (const match of source.matchAll(call)) {
    const literal = match[1] ?? match[2];
    if (literal !== undefined) {
      uses.push({ file, key: literal, dynamic: false });
      continue;
    }
    const template = match[3] ?? '';
    const placeholder = template.indexOf('${');
    uses.push(
      placeholder === -1
        ? { file, key: template, dynamic: false }
        : { file, key: template.slice(0, placeholder), dynamic: true },
    );
  }
  return uses;
}

describe('keys used in the source', () => {
  it('the key finder reads the three kinds of quotes and marks templates with values as dynamic', () => {
    const source = "t('a.b'); t(\"c.d\", {x: 1}); t(`e.f`); t(`topic.${id}`); set('no'); t(name);";
    expect(findKeyUses('x.ts', source)).toEqual([
      { file: 'x.ts', key: 'a.b', dynamic: false },
      { file: 'x.ts', key: 'c.d', dynamic: false },
      { file: 'x.ts', key: 'e.f', dynamic: false },
      { file: 'x.ts', key: 'topic.', dynamic: true },
    ]);
  });

  const uses = ['core', 'server/src', 'web/src']
    .flatMap((folder) => sourceFiles(path.join(REPO_ROOT, folder)))
    .flatMap((file) => findKeyUses(path.relative(REPO_ROOT, file), fs.readFileSync(file, 'utf8')));

  it('finds keys to check (the scan is looking in the right place)', () => {
    expect(uses.filter((use) => !use.dynamic).length).toBeGreaterThan(10);
  });

  it('every literal key used with t() exists in en-GB', () => {
    const missing = uses.filter((use) => !use.dynamic && !isMessageKey(use.key));
    expect(missing.map((use) => `${use.file}: t('${use.key}')`)).toEqual([]);
  });

  it('every key built from a template starts like at least one en-GB key', () => {
    const keys = Object.keys(enGB);
    const missing = uses.filter(
      (use) => use.dynamic && !keys.some((key) => key.startsWith(use.key)),
    );
    expect(missing.map((use) => `${use.file}: t(\`${use.key}…\`)`)).toEqual([]);
  });
});
