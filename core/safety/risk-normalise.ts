/**
 * Turns free text into the canonical words that the risk rules read (risk.ts), and
 * remembers where each word came from so a reason can quote the person's own words.
 *
 * People in distress do not type carefully, and some disguise what they write, so the
 * steps are: fold case, accents, full-width and look-alike letters; drop invisible
 * characters; split into clauses (commas, emoji and the like) and sentences; expand
 * contractions and text-speak (dont, im, wanna, kms, idk); read digits and symbols used as
 * letters (k1ll, su!c!de, s*icide); undo stretched words (diiiie); and map a small set of
 * key words from near misses (sucide, suicde, myslef, overdoes, hopless).
 *
 * Everything is linear in the length of the text, and nothing here can throw on a string.
 */

export interface RiskToken {
  /** The canonical word the rules match. */
  word: string;
  /** Where the word came from in the original text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  clause: number;
  sentence: number;
  /** Written with a capital letter and not a common word: probably a person's name. */
  name: boolean;
}

export interface RiskText {
  tokens: RiskToken[];
}

/**
 * Words the rules depend on. A stretched or misspelt token is mapped onto one of these when
 * that is unambiguous; ordinary words are left alone.
 */
const KEY_WORDS: readonly string[] = [
  'abuse',
  'abused',
  'abusive',
  'afraid',
  'alive',
  'alone',
  'anymore',
  'attempt',
  'attempted',
  'beat',
  'beats',
  'better',
  'burden',
  'choked',
  'controlling',
  'cut',
  'cutting',
  'dead',
  'depressed',
  'depression',
  'die',
  'dying',
  'empty',
  'end',
  'ending',
  'everyone',
  'exist',
  'forced',
  'gaslights',
  'goodbye',
  'hang',
  'hanging',
  'harm',
  'harming',
  'hate',
  'help',
  'hit',
  'hits',
  'hopeless',
  'hurt',
  'hurting',
  'kill',
  'killed',
  'killing',
  'life',
  'live',
  'living',
  'lonely',
  'low',
  'me',
  'myself',
  'never',
  'noose',
  'nobody',
  'numb',
  'overdose',
  'overdosed',
  'overdosing',
  'pills',
  'please',
  'point',
  'pointless',
  'raped',
  'really',
  'sad',
  'scared',
  'self',
  'slapped',
  'so',
  'strangled',
  'suicidal',
  'suicide',
  'tablets',
  'terrified',
  'threatened',
  'tired',
  'unalive',
  'want',
  'worthless',
  'wrists',
  'just',
  'no',
  'why',
  'done',
  'over',
  'suicides',
];

const KEY_WORD_SET: ReadonlySet<string> = new Set(KEY_WORDS);

/** Near-miss targets: long enough that one slip cannot land on another everyday word. */
const FUZZY_KEYS: readonly { word: string; substitutions: boolean }[] = [
  { word: 'suicide', substitutions: true },
  { word: 'suicidal', substitutions: true },
  { word: 'myself', substitutions: true },
  // "overdone" is one substitution from "overdose", and "homeless" from "hopeless":
  // only dropped, added or swapped letters count for these two.
  { word: 'overdose', substitutions: false },
  { word: 'overdosed', substitutions: true },
  { word: 'overdosing', substitutions: true },
  { word: 'hopeless', substitutions: false },
  { word: 'worthless', substitutions: true },
  { word: 'pointless', substitutions: true },
  { word: 'paracetamol', substitutions: true },
  { word: 'unalive', substitutions: true },
  { word: 'strangled', substitutions: true },
  { word: 'suffocate', substitutions: true },
  { word: 'depressed', substitutions: true },
  { word: 'anymore', substitutions: true },
];

/** Whole-token expansions: contractions typed without apostrophes, text-speak, slang. */
const EXPANSIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    dont: 'do not',
    doesnt: 'does not',
    didnt: 'did not',
    didint: 'did not',
    cant: 'can not',
    cannot: 'can not',
    carnt: 'can not',
    cnt: 'can not',
    couldnt: 'could not',
    wouldnt: 'would not',
    wudnt: 'would not',
    shouldnt: 'should not',
    wont: 'will not',
    isnt: 'is not',
    arent: 'are not',
    wasnt: 'was not',
    werent: 'were not',
    havent: 'have not',
    hasnt: 'has not',
    hadnt: 'had not',
    aint: 'is not',
    mustnt: 'must not',
    dnt: 'do not',
    im: 'i am',
    iam: 'i am',
    ive: 'i have',
    id: 'i would',
    youre: 'you are',
    theyre: 'they are',
    hes: 'he is',
    shes: 'she is',
    thats: 'that is',
    whats: 'what is',
    wats: 'what is',
    wots: 'what is',
    theres: 'there is',
    wanna: 'want to',
    wana: 'want to',
    wnna: 'want to',
    wna: 'want to',
    wnt: 'want',
    gonna: 'going to',
    gunna: 'going to',
    gona: 'going to',
    finna: 'going to',
    gotta: 'got to',
    tryna: 'trying to',
    hafta: 'have to',
    dunno: 'do not know',
    duno: 'do not know',
    idk: 'i do not know',
    idc: 'i do not care',
    idgaf: 'i do not care',
    ngl: 'honestly',
    tbh: 'honestly',
    tbf: 'honestly',
    rn: 'right now',
    atm: 'right now',
    bc: 'because',
    cuz: 'because',
    coz: 'because',
    cos: 'because',
    bcoz: 'because',
    becuz: 'because',
    bcuz: 'because',
    pls: 'please',
    plz: 'please',
    plez: 'please',
    smth: 'something',
    sth: 'something',
    abt: 'about',
    bf: 'boyfriend',
    gf: 'girlfriend',
    hubby: 'husband',
    mom: 'mum',
    mam: 'mum',
    mommy: 'mum',
    mummy: 'mum',
    u: 'you',
    ur: 'your',
    r: 'are',
    y: 'why',
    b: 'be',
    n: 'and',
    nd: 'and',
    ppl: 'people',
    nvr: 'never',
    evr: 'ever',
    rly: 'really',
    rlly: 'really',
    realy: 'really',
    v: 'very',
    jus: 'just',
    jst: 'just',
    wat: 'what',
    wot: 'what',
    cud: 'could',
    wud: 'would',
    shud: 'should',
    wiv: 'with',
    tho: 'though',
    luv: 'love',
    lyf: 'life',
    lyfe: 'life',
    ded: 'dead',
    dieing: 'dying',
    alot: 'a lot',
    anymor: 'anymore',
    meself: 'myself',
    mysef: 'myself',
    pils: 'pills',
    tabs: 'tablets',
    kil: 'kill',
    kiled: 'killed',
    kms: 'kill myself',
    kmys: 'kill myself',
    kys: 'kill yourself',
    sewerslide: 'suicide',
    suicde: 'suicide',
    selfharm: 'self harm',
    selfharming: 'self harming',
    selfharmed: 'self harmed',
    od: 'overdose',
    ods: 'overdose',
    oding: 'overdosing',
    odding: 'overdosing',
    oded: 'overdosed',
    odded: 'overdosed',
    dv: 'domestic violence',
    gaslit: 'gaslighted',
    h8: 'hate',
    ex: 'ex',
  }).map(([key, value]) => [key, value.split(' ')]),
);

/** Digits and symbols inside words, as typed in leetspeak. */
const LEET_WORDS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    '2day': 'today',
    '2moro': 'tomorrow',
    '2morrow': 'tomorrow',
    '2mrw': 'tomorrow',
    '2nite': 'tonight',
    '2night': 'tonight',
    b4: 'before',
    gr8: 'great',
    m8: 'mate',
    l8r: 'later',
    w8: 'wait',
    any1: 'anyone',
    some1: 'someone',
    every1: 'everyone',
    no1: 'no one',
    '1ce': 'once',
    h8: 'hate',
    h8ed: 'hated',
  }).map(([key, value]) => [key, value.split(' ')]),
);

const LEET_LETTERS: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
};

/** "it's" means "it is"; "mum's" is a possessive and loses its s. */
const IS_STEMS: ReadonlySet<string> = new Set([
  'it',
  'that',
  'what',
  'he',
  'she',
  'there',
  'who',
  'where',
  'here',
  'everything',
  'nothing',
  'life',
  'how',
  'this',
  'everyone',
  'nobody',
  'somebody',
  'someone',
  'one',
]);

const IRREGULAR_NEGATIVES: ReadonlyMap<string, readonly string[]> = new Map([
  ["can't", ['can', 'not']],
  ["won't", ['will', 'not']],
  ["shan't", ['shall', 'not']],
  ["ain't", ['is', 'not']],
]);

/** Pairs of words people split that the rules read as one. */
const MERGES: ReadonlyMap<string, string> = new Map([
  ['my self', 'myself'],
  ['me self', 'myself'],
  ['my slef', 'myself'],
  ['your self', 'yourself'],
  ['him self', 'himself'],
  ['her self', 'herself'],
  ['them selves', 'themselves'],
  ['their selves', 'themselves'],
  ['sewer slide', 'suicide'],
  ['un alive', 'unalive'],
  ['over dose', 'overdose'],
  ['over dosed', 'overdosed'],
  ['over dosing', 'overdosing'],
  ['any more', 'anymore'],
  ['co codamol', 'cocodamol'],
]);

/** First words of MERGES, so most tokens need no pair lookup. */
const MERGE_FIRST_WORDS: ReadonlySet<string> = new Set(
  [...MERGES.keys()].map((pair) => pair.split(' ')[0] ?? ''),
);

/** After these, "2" is "to" and "4" is "for". */
const BEFORE_TO: ReadonlySet<string> = new Set([
  'want',
  'wanted',
  'going',
  'need',
  'have',
  'got',
  'ready',
  'try',
  'trying',
  'tried',
  'planning',
  'plan',
  'about',
  'able',
  'wish',
  'hate',
  'like',
  'love',
  'used',
  'how',
  'deserve',
]);

/** Capitalised words that are not names, so "Tom hit me" counts but "It hit me" does not. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'i',
  'it',
  'this',
  'that',
  'the',
  'a',
  'an',
  'and',
  'but',
  'so',
  'then',
  'my',
  'he',
  'she',
  'they',
  'we',
  'you',
  'reality',
  'life',
  'work',
  'today',
  'tonight',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'christmas',
  'god',
  'netflix',
]);

/** Zero-width and other invisible characters, sometimes used to slip words past filters. */
const INVISIBLE: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

function isInvisible(symbol: string): boolean {
  const code = symbol.codePointAt(0) ?? 0;
  return INVISIBLE.some(([from, to]) => code >= from && code <= to);
}

/** Look-alike letters from other scripts that fold to Latin ones. */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ο: 'o',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Emoji that stand for a word the rules know. */
const EMOJI_WORDS: Readonly<Record<string, string>> = {
  '\u{1f48a}': ' pills ',
  '\u{1f52a}': ' knife ',
  '\u{1f52b}': ' gun ',
  '\u{1faa2}': ' rope ',
};

const APOSTROPHES = /['\u2018\u2019\u201b\u02bc\u02b9\u0060\u00b4\uff07\u2032]/;
const SENTENCE_END = new Set(['.', '!', '?', ';', '\n', '\r', '\u2026', '\u2029', '\u2028']);
const SOFT_SEPARATORS = new Set([
  ' ',
  '\t',
  '-',
  '_',
  '/',
  '\\',
  '"',
  "'",
  '*',
  '~',
  '+',
  '#',
  '@',
  '&',
  '=',
  '^',
  '%',
  '$',
  '\u00a0',
  '\u2010',
  '\u2011',
]);
const JOINERS = new Set(["'", '@', '$', '!', '|', '*']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;

interface Folded {
  /** One UTF-16 unit per folded character. */
  chars: string;
  /** Where each folded character came from in the input; null when it is the same index. */
  origin: number[] | null;
}

const NOT_ASCII = /[\u0080-\uffff]/;

/** Lower-case, strip accents and invisibles, fold look-alikes: one entry per output char. */
function fold(input: string): Folded {
  // Most texts are plain ASCII: lower-casing is all folding does to them.
  if (!NOT_ASCII.test(input)) return { chars: input.toLowerCase(), origin: null };
  const chars: string[] = [];
  const origin: number[] = [];
  const cache = new Map<string, string>();
  let index = 0;
  for (const symbol of input) {
    const code = symbol.codePointAt(0) ?? 0;
    if (code < 128) {
      chars.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : symbol);
      origin.push(index);
    } else {
      let folded = cache.get(symbol);
      if (folded === undefined) {
        folded = foldSymbol(symbol);
        cache.set(symbol, folded);
      }
      for (let unit = 0; unit < folded.length; unit += 1) {
        chars.push(folded.charAt(unit));
        origin.push(index);
      }
    }
    index += symbol.length;
  }
  return { chars: chars.join(''), origin };
}

function foldSymbol(symbol: string): string {
  const code = symbol.charCodeAt(0);
  // Scripts with no case, accents or Latin look-alikes pass through untouched (and quickly):
  // CJK ideographs, Yi, Hangul syllables, private use and lone surrogates.
  if (
    symbol.length === 1 &&
    ((code >= 0x3400 && code <= 0x9fff) ||
      (code >= 0xa000 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xd800 && code <= 0xf8ff))
  ) {
    return symbol;
  }
  if (isInvisible(symbol)) return '';
  if (APOSTROPHES.test(symbol)) return "'";
  const emoji = EMOJI_WORDS[symbol];
  if (emoji) return emoji;
  if (symbol.length > 1) return '\u0000'; // other astral symbols (emoji): a clause break
  const lower = symbol.toLowerCase();
  const confusable = CONFUSABLES[lower];
  if (confusable) return confusable;
  const plain = lower.normalize('NFKD').replace(MARKS, '').toLowerCase();
  let out = '';
  for (const char of plain) out += CONFUSABLES[char] ?? char;
  if (out === '') return symbol.normalize('NFKD') === '' ? '' : '';
  return out;
}

interface RawToken {
  raw: string;
  start: number;
  end: number;
  clause: number;
  sentence: number;
  capital: boolean;
  sentenceStart: boolean;
}

const WORD = 1;
const JOINER = 2;
const SENTENCE = 4;
const SOFT = 8;

/** The classes above for every ASCII character, so splitting needs no set lookups. */
const ASCII_CLASSES: Uint8Array = (() => {
  const classes = new Uint8Array(128);
  for (let code = 0; code < 128; code += 1) {
    const char = String.fromCharCode(code);
    classes[code] =
      ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? WORD : 0) |
      (JOINERS.has(char) ? JOINER : 0) |
      (SENTENCE_END.has(char) ? SENTENCE : 0) |
      (SOFT_SEPARATORS.has(char) ? SOFT : 0);
  }
  return classes;
})();

/** The classes of the folded character at `index` (0 past the end). */
function classAt(chars: string, index: number): number {
  const code = chars.charCodeAt(index);
  if (code < 128) return ASCII_CLASSES[code] ?? 0;
  if (code !== code) return 0; // NaN: past the end
  const char = chars.charAt(index);
  return (
    (code !== 0 && LETTER_OR_DIGIT.test(char) ? WORD : 0) |
    (JOINERS.has(char) ? JOINER : 0) |
    (SENTENCE_END.has(char) ? SENTENCE : 0) |
    (SOFT_SEPARATORS.has(char) ? SOFT : 0)
  );
}

function splitRaw(input: string, folded: Folded): RawToken[] {
  const { chars, origin } = folded;
  const from = (index: number): number => (origin === null ? index : (origin[index] ?? 0));
  const tokens: RawToken[] = [];
  let clause = 0;
  let sentence = 0;
  let clauseOpen = false;
  let sentenceOpen = false;
  let i = 0;
  const n = chars.length;
  while (i < n) {
    const kind = classAt(chars, i);
    const startsWord =
      (kind & WORD) !== 0 ||
      ((kind & JOINER) !== 0 && chars.charCodeAt(i) !== 39 && (classAt(chars, i + 1) & WORD) !== 0);
    if (startsWord) {
      let j = i;
      while (j < n) {
        const here = classAt(chars, j);
        if ((here & WORD) !== 0) {
          j += 1;
          continue;
        }
        if (
          (here & JOINER) !== 0 &&
          ((classAt(chars, j + 1) & WORD) !== 0 ||
            (chars.charCodeAt(j) === 42 && chars.charCodeAt(j + 1) === 42))
        ) {
          j += 1;
          continue;
        }
        break;
      }
      const start = from(i);
      const lastOrigin = j - 1 < 0 ? start : from(j - 1);
      const end = lastOrigin + ((input.codePointAt(lastOrigin) ?? 0) > 0xffff ? 2 : 1);
      const first = input.charAt(start);
      tokens.push({
        raw: chars.slice(i, j),
        start,
        end: Math.min(end, input.length),
        clause,
        sentence,
        capital: first !== first.toLowerCase(),
        sentenceStart: !sentenceOpen,
      });
      clauseOpen = true;
      sentenceOpen = true;
      i = j;
      continue;
    }
    if ((kind & SENTENCE) !== 0) {
      if (sentenceOpen) sentence += 1;
      if (clauseOpen) clause += 1;
      sentenceOpen = false;
      clauseOpen = false;
    } else if ((kind & (SOFT | JOINER)) === 0) {
      if (clauseOpen) clause += 1;
      clauseOpen = false;
    }
    i += 1;
  }
  return tokens;
}

/** Splits a token with an apostrophe into its words: "don't" → do not, "I'd" → i would. */
function expandContraction(raw: string): string[] {
  const irregular = IRREGULAR_NEGATIVES.get(raw);
  if (irregular) return [...irregular];
  const strip = (word: string) => word.replace(/'/g, '');
  if (raw.endsWith("n't") && raw.length > 3) return [strip(raw.slice(0, -3)), 'not'];
  const suffix = /^(.+)'(m|re|ve|ll|d|s)$/.exec(raw);
  if (suffix) {
    const stem = strip(suffix[1] ?? '');
    switch (suffix[2]) {
      case 'm':
        return [stem, 'am'];
      case 're':
        return [stem, 'are'];
      case 've':
        return [stem, 'have'];
      case 'll':
        return [stem, 'will'];
      case 'd':
        return [stem, 'would'];
      default:
        return IS_STEMS.has(stem) ? [stem, 'is'] : [stem];
    }
  }
  return [strip(raw)];
}

function collapseRuns(word: string, keep: number): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < word.length; i += 1) {
    const char = word[i] ?? '';
    run = i > 0 && word[i - 1] === char ? run + 1 : 1;
    if (run <= keep) out += char;
  }
  return out;
}

const SKELETONS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const clashes = new Set<string>();
  for (const word of KEY_WORDS) {
    const skeleton = collapseRuns(word, 1);
    if (map.has(skeleton) && map.get(skeleton) !== word) clashes.add(skeleton);
    map.set(skeleton, word);
  }
  for (const skeleton of clashes) map.delete(skeleton);
  return map;
})();

/** Optimal string alignment distance, stopping early once it must exceed `limit`. */
function editDistanceWithin(a: string, b: string, limit: number, substitutions: boolean): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previous2: number[] = [];
  let previous: number[] = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i += 1) {
    const current: number[] = [i];
    let best = i;
    for (let j = 1; j < cols; j += 1) {
      const same = a[i - 1] === b[j - 1];
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
      if (same) value = Math.min(value, previous[j - 1] ?? 0);
      else if (substitutions) value = Math.min(value, (previous[j - 1] ?? 0) + 1);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return false;
    previous2 = previous;
    previous = current;
  }
  return (previous[cols - 1] ?? limit + 1) <= limit;
}

function nearKeyWord(word: string): string | null {
  if (word.length < 5) return null;
  for (const key of FUZZY_KEYS) {
    if (key.word[0] !== word[0]) continue;
    if (editDistanceWithin(word, key.word, 1, key.substitutions)) return key.word;
  }
  return null;
}

/** "s*icide" → "suicide": each run of stars stands for that many letters of a key word. */
function resolveWildcards(word: string): string {
  const stripped = word.replace(/\*/g, '');
  if (word.length > 24) return stripped;
  const plain = word.replace(/[0-9@$!|]/g, (char) => LEET_LETTERS[char] ?? char);
  if (!/^[a-z*]+$/.test(plain)) return stripped;
  const found = KEY_WORDS.find(
    (key) => key.length === plain.length && matchesWildcards(plain, key),
  );
  return found ?? stripped;
}

function matchesWildcards(pattern: string, key: string): boolean {
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern[i] !== '*' && pattern[i] !== key[i]) return false;
  }
  return true;
}

/**
 * Canonical words of words already seen, shared by every call: texts reuse most of their
 * words, and the spelling-tolerant lookup behind a new word (edit distance to every key word)
 * was the normaliser's largest cost. The lookup is a pure function of the word, so the cache
 * cannot change a result; it is emptied when full, which bounds its memory.
 */
const CANONICAL_CACHE = new Map<string, readonly string[]>();
const CANONICAL_CACHE_MAX = 20_000;

/** One word (no apostrophes) to its canonical words. */
function canonicalWords(word: string): readonly string[] {
  const cached = CANONICAL_CACHE.get(word);
  if (cached) return cached;
  const result = canonicalUncached(word);
  if (CANONICAL_CACHE.size >= CANONICAL_CACHE_MAX) CANONICAL_CACHE.clear();
  CANONICAL_CACHE.set(word, result);
  return result;
}

function canonicalUncached(input: string): readonly string[] {
  let word = input;
  const expanded = EXPANSIONS.get(word) ?? LEET_WORDS.get(word);
  if (expanded) return expanded;
  if (/[a-z]/.test(word) && /[0-9@$!|*]/.test(word)) {
    if (word.includes('*')) word = resolveWildcards(word);
    word = word.replace(/[0-9@$!|]/g, (char) => LEET_LETTERS[char] ?? char);
    const again = EXPANSIONS.get(word);
    if (again) return again;
  } else if (/[@$!|*]/.test(word)) {
    word = word.replace(/[@$!|*]/g, '');
  }
  if (/(.)\1\1/.test(word)) {
    const two = collapseRuns(word, 2);
    if (KEY_WORD_SET.has(two)) return [two];
    const one = collapseRuns(word, 1);
    const mapped = SKELETONS.get(one) ?? EXPANSIONS.get(one) ?? EXPANSIONS.get(two);
    if (typeof mapped === 'string') return [mapped];
    if (mapped) return mapped;
    word = two;
  }
  if (KEY_WORD_SET.has(word)) return [word];
  if (word.endsWith('in') && KEY_WORD_SET.has(`${word}g`)) return [`${word}g`];
  if (word.length >= 6) {
    const skeleton = SKELETONS.get(collapseRuns(word, 1));
    if (skeleton) return [skeleton];
  }
  const near = nearKeyWord(word);
  return [near ?? word];
}

/** Normalises `input` for the risk rules. Never throws; linear in the input's length. */
export function normaliseForRisk(input: string): RiskText {
  const folded = fold(input);
  const raws = splitRaw(input, folded);
  const tokens: RiskToken[] = [];
  for (const raw of raws) {
    const parts = raw.raw.includes("'") ? expandContraction(raw.raw) : [raw.raw];
    for (const part of parts) {
      if (part === '') continue;
      for (const word of canonicalWords(part)) {
        const previous = tokens[tokens.length - 1];
        const sameClause = previous !== undefined && previous.clause === raw.clause;
        let canonical = word;
        if (sameClause && (word === '2' || word === '4') && BEFORE_TO.has(previous.word)) {
          canonical = word === '2' ? 'to' : 'for';
        }
        const merged =
          sameClause && MERGE_FIRST_WORDS.has(previous.word)
            ? MERGES.get(`${previous.word} ${canonical}`)
            : undefined;
        if (merged && previous) {
          previous.word = merged;
          previous.end = raw.end;
          continue;
        }
        tokens.push({
          word: canonical,
          start: raw.start,
          end: raw.end,
          clause: raw.clause,
          sentence: raw.sentence,
          name:
            raw.capital &&
            parts.length === 1 &&
            !KEY_WORD_SET.has(canonical) &&
            !NOT_NAMES.has(canonical) &&
            /^[a-z]+$/.test(canonical),
        });
      }
    }
  }
  return { tokens };
}
