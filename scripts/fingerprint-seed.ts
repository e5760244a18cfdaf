/**
 * Fingerprints the seed article so that tests can prove no sentence of it is reused, without
 * the repository ever holding its text (PRODUCT.md: the seed gives ideas, never sentences).
 *
 * Reads ../shared/seed/*.txt (beside the repository), normalises the text, and writes
 * tests/content/seed-fingerprints.json: the truncated SHA-256 of every run of six consecutive
 * words, sorted, so neither the words nor their order can be read back from the file.
 *
 * Run: node --import tsx scripts/fingerprint-seed.ts
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Six words: long enough that ordinary phrases ("fear of intimacy can be") rarely collide. */
export const RUN_LENGTH = 6;
/** Hex characters kept of each SHA-256: 64 bits, so a chance collision is negligible. */
export const HASH_LENGTH = 16;

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SEED_DIR = path.resolve(REPO_ROOT, '../shared/seed');
export const FINGERPRINTS_FILE = path.join(REPO_ROOT, 'tests/content/seed-fingerprints.json');

export interface FingerprintsFile {
  about: string;
  runLength: number;
  hashLength: number;
  count: number;
  hashes: string[];
}

/**
 * Lower-case words without punctuation: apostrophes vanish ("don’t" → "dont"), any other
 * character that is not a letter or digit becomes a space, and spaces collapse.
 */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
}

/** Every run of RUN_LENGTH consecutive words, joined by single spaces. */
export function wordRuns(text: string): string[] {
  const words = normaliseWords(text);
  const runs: string[] = [];
  for (let start = 0; start + RUN_LENGTH <= words.length; start += 1) {
    runs.push(words.slice(start, start + RUN_LENGTH).join(' '));
  }
  return runs;
}

export function hashRun(run: string): string {
  return createHash('sha256').update(run, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

/** The sorted, de-duplicated hashes of every word run of some texts. */
export function fingerprintTexts(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap((text) => wordRuns(text).map(hashRun)))].sort();
}

/** The seed texts beside the repository, or null when the folder is not on this machine. */
export function readSeedTexts(directory = SEED_DIR): string[] | null {
  if (!fs.existsSync(directory)) return null;
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => fs.readFileSync(path.join(directory, file), 'utf8'));
}

function main(): void {
  const texts = readSeedTexts();
  if (texts === null || texts.length === 0) {
    console.error(`No seed texts in ${SEED_DIR}; ${FINGERPRINTS_FILE} left unchanged.`);
    process.exitCode = 1;
    return;
  }
  const hashes = fingerprintTexts(texts);
  const output: FingerprintsFile = {
    about:
      'Truncated SHA-256 of every 6-word run of the seed article (normalised), sorted. Written by scripts/fingerprint-seed.ts; holds no text.',
    runLength: RUN_LENGTH,
    hashLength: HASH_LENGTH,
    count: hashes.length,
    hashes,
  };
  fs.writeFileSync(FINGERPRINTS_FILE, `${JSON.stringify(output, null, 2)}\n`);
  console.log(
    `Wrote ${hashes.length} fingerprints from ${texts.length} seed file(s) to ${path.relative(REPO_ROOT, FINGERPRINTS_FILE)}.`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
