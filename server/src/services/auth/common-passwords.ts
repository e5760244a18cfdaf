import fs from 'node:fs';
import path from 'node:path';

/**
 * The bundled list of common passwords: every entry of 8 or more characters among the
 * 100,000 most common in the SecLists "10 million passwords" list (CC BY-SA 3.0), lower-cased.
 * Shorter ones are already refused by the length rule.
 */
const LIST_FILE = path.join(import.meta.dirname, 'common-passwords.txt');

let cached: ReadonlySet<string> | null = null;

/** Loads the list once (about 38,000 entries, a few milliseconds). */
export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set(
    fs
      .readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
  return cached;
}

export function isCommonPassword(normalisedLowerCase: string): boolean {
  return commonPasswords().has(normalisedLowerCase);
}
