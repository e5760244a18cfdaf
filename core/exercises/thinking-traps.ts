/**
 * Thinking traps for the thought record: a catalogue in Closer's own words, and
 * `suggestThinkingTraps`, which proposes the traps an automatic thought might contain.
 *
 * The person decides. A suggestion is a hint with its reasons shown: each one carries the
 * exact words of the person's text that led to it, so the page can highlight them and the
 * person can see why, and disagree.
 *
 * How it reads a thought: the text is split into words (keeping where each came from),
 * folded to lower case, contractions opened ("she'll" → she will, "won't" → will not), common
 * slips and text-speak mended ("shud", "evryone", "gonna", "intrest") and stretched words
 * shortened ("neverrr"). Each rule is a regular expression over those words, one line per
 * text with sentences separated by " | " and commas kept as ","; a rule may give up when a
 * negation comes just before it ("I'm not always wrong"). Every rule that matches adds to
 * its trap's confidence, and a trap is suggested once the confidence reaches one half. No
 * network, no model, nothing remembered between calls that could change an answer: it runs
 * the same in the browser and on the server, and takes well under a millisecond for a
 * thought of a few hundred characters.
 */

export const THINKING_TRAP_IDS = [
  'all-or-nothing',
  'overgeneralising',
  'mental-filter',
  'discounting-positives',
  'mind-reading',
  'fortune-telling',
  'catastrophising',
  'emotional-reasoning',
  'should-statements',
  'labelling',
  'personalising',
] as const;

export type ThinkingTrapId = (typeof THINKING_TRAP_IDS)[number];

export interface ThinkingTrap {
  id: ThinkingTrapId;
  /** A short, plain name to show the person. */
  name: string;
  /** The name a therapist or a CBT book would use, when it differs from `name`. */
  usualName: string;
  /** One kind sentence saying what the trap is. */
  explanation: string;
  /** A gentle question the person can ask of their thought. */
  question: string;
}

/** The eleven traps, in the order the thought record lists them. */
export const THINKING_TRAPS: readonly ThinkingTrap[] = [
  {
    id: 'all-or-nothing',
    name: 'All or nothing',
    usualName: 'All-or-nothing thinking',
    explanation:
      'Seeing things as either perfect or ruined, with nothing in between, when most things are a mix.',
    question: 'If you placed this on a scale from 0 to 10, where would it really sit?',
  },
  {
    id: 'overgeneralising',
    name: 'One time becomes every time',
    usualName: 'Overgeneralising',
    explanation:
      'Taking one or two painful moments and deciding that things will always go that way.',
    question: 'Can you think of even one time when it went differently?',
  },
  {
    id: 'mental-filter',
    name: 'Zooming in on the bad',
    usualName: 'Mental filter',
    explanation:
      'Fixing on the one part that went wrong, so that everything that went well fades from view.',
    question: 'What else happened that you might be leaving out of the picture?',
  },
  {
    id: 'discounting-positives',
    name: 'Brushing off the good',
    usualName: 'Discounting the positives',
    explanation:
      'Telling yourself that good things do not count, as if they were only luck or kindness.',
    question: 'If a friend was told the same nice thing, would you say it did not count?',
  },
  {
    id: 'mind-reading',
    name: 'Mind reading',
    usualName: 'Mind reading',
    explanation:
      'Feeling sure you know what someone else is thinking or feeling, even though they have not said it.',
    question: 'What do you actually know, and how could you gently find out what they think?',
  },
  {
    id: 'fortune-telling',
    name: 'Fortune telling',
    usualName: 'Fortune telling',
    explanation: 'Treating a worry about the future as if it has already happened.',
    question: 'What else could happen? How often have your worst guesses come true before?',
  },
  {
    id: 'catastrophising',
    name: 'Making it a disaster',
    usualName: 'Catastrophising',
    explanation:
      'Jumping to the worst thing that could happen, and feeling sure you could not cope with it.',
    question: 'If the hard thing did happen, how might you get through it, and who could help?',
  },
  {
    id: 'emotional-reasoning',
    name: 'Feelings as facts',
    usualName: 'Emotional reasoning',
    explanation: 'Taking a strong feeling as proof: because it feels true, it must be true.',
    question: 'Your feeling is real. What would the facts say, on their own?',
  },
  {
    id: 'should-statements',
    name: 'Shoulds and musts',
    usualName: 'Should statements',
    explanation:
      'Holding yourself or others to strict rules, and feeling bad when life does not follow them.',
    question: 'How would it sound if you said “I would like…” instead of “I should…”?',
  },
  {
    id: 'labelling',
    name: 'Name-calling',
    usualName: 'Labelling',
    explanation:
      'Summing up a whole person, often yourself, with one harsh word because of something they did.',
    question:
      'Can one word really sum up a whole person? What would you call a friend in your place?',
  },
  {
    id: 'personalising',
    name: 'Making it my fault',
    usualName: 'Personalising',
    explanation:
      'Taking the blame for something that was not only up to you, or feeling that it was all about you.',
    question: 'Who and what else played a part in this?',
  },
];

const TRAPS_BY_ID: ReadonlyMap<ThinkingTrapId, ThinkingTrap> = new Map(
  THINKING_TRAPS.map((trap) => [trap.id, trap]),
);

/** The catalogue entry for one trap. */
export function thinkingTrap(id: ThinkingTrapId): ThinkingTrap {
  const trap = TRAPS_BY_ID.get(id);
  if (!trap) throw new Error(`Unknown thinking trap ${String(id)}`);
  return trap;
}

/** Words of the person's text, exactly as typed: `text === input.slice(start, end)`. */
export interface ThinkingTrapWords {
  text: string;
  /** UTF-16 offsets in the input; `end` is exclusive. */
  start: number;
  end: number;
}

export interface ThinkingTrapSuggestion {
  trap: ThinkingTrapId;
  /** From 0.5 to 1: how strongly the words point to this trap. For ordering, not a probability. */
  confidence: number;
  /** The words that suggested the trap, in the order they appear. */
  words: ThinkingTrapWords[];
}

// ---------------------------------------------------------------------------------------
// Reading the text

interface Token {
  /** A canonical word, or "," for a pause inside a sentence, or "|" between sentences. */
  word: string;
  start: number;
  end: number;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const SENTENCE_ENDS: ReadonlySet<string> = new Set([
  '.',
  '!',
  '?',
  '\n',
  '\r',
  '\u2026',
  '\u2028',
  '\u2029',
]);
/** Pauses inside a sentence: the rules read them as ",". */
const PAUSES: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '(',
  ')',
  '\u2013',
  '\u2014',
  '"',
  '\u201c',
  '\u201d',
]);
const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4\u2032]/g;
const MARKS = /\p{M}/gu;
/** Anything but printable ASCII: such a word takes the slower Unicode folding. */
const NOT_ASCII = /[^\x20-\x7e]/;
/** Three of the same letter in a row: "neverrr", "sooo". */
const STRETCHED = /([a-z])\1\1/;
/** Characters that mean something in the line the rules read; never part of a word. */
const LINE_MARKS = /[ |,]/g;

/** Contractions with an irregular stem. */
const IRREGULAR_NEGATIVES: ReadonlyMap<string, readonly string[]> = new Map([
  ["can't", ['can', 'not']],
  ["won't", ['will', 'not']],
  ["shan't", ['shall', 'not']],
  ["ain't", ['is', 'not']],
]);

/** Before 's these mean "is" ("he's lost interest" reads as "he is lost interest"). */
const IS_STEMS: ReadonlySet<string> = new Set([
  'it',
  'that',
  'what',
  'he',
  'she',
  'there',
  'who',
  'here',
  'this',
  'everything',
  'nothing',
  'everyone',
  'everybody',
  'nobody',
  'someone',
  'life',
  'where',
  'how',
]);

/**
 * Whole words typed without an apostrophe, text-speak, and slips of spelling in the words the
 * rules read. Only unambiguous ones: "ill" and "id" are real words and are left alone here.
 */
const SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    dont: 'do not',
    doesnt: 'does not',
    didnt: 'did not',
    cant: 'can not',
    cannot: 'can not',
    couldnt: 'could not',
    wouldnt: 'would not',
    shouldnt: 'should not',
    shudnt: 'should not',
    wont: 'will not',
    isnt: 'is not',
    arent: 'are not',
    wasnt: 'was not',
    werent: 'were not',
    havent: 'have not',
    hasnt: 'has not',
    hadnt: 'had not',
    mustnt: 'must not',
    musnt: 'must not',
    aint: 'is not',
    im: 'i am',
    iam: 'i am',
    ive: 'i have',
    youre: 'you are',
    theyre: 'they are',
    hes: 'he is',
    shes: 'she is',
    thats: 'that is',
    whats: 'what is',
    theres: 'there is',
    its: 'it is',
    shouldve: 'should have',
    shoulda: 'should have',
    shudve: 'should have',
    shudda: 'should have',
    gonna: 'going to',
    gunna: 'going to',
    gona: 'going to',
    wanna: 'want to',
    gotta: 'got to',
    hafta: 'have to',
    oughta: 'ought to',
    shud: 'should',
    shuld: 'should',
    shoud: 'should',
    shld: 'should',
    mst: 'must',
    alwys: 'always',
    alway: 'always',
    allways: 'always',
    alwayz: 'always',
    alwyas: 'always',
    awlays: 'always',
    nvr: 'never',
    nevr: 'never',
    nver: 'never',
    neva: 'never',
    evr: 'ever',
    evry: 'every',
    everytime: 'every time',
    evrytime: 'every time',
    every1: 'everyone',
    evry1: 'everyone',
    evryone: 'everyone',
    everyon: 'everyone',
    everone: 'everyone',
    evrybody: 'everybody',
    everbody: 'everybody',
    noone: 'no one',
    no1: 'no one',
    nobdy: 'nobody',
    nobady: 'nobody',
    any1: 'anyone',
    some1: 'someone',
    evrything: 'everything',
    everthing: 'everything',
    everyting: 'everything',
    nothin: 'nothing',
    nuthin: 'nothing',
    nothng: 'nothing',
    prolly: 'probably',
    probs: 'probably',
    defo: 'definitely',
    deffo: 'definitely',
    definately: 'definitely',
    definatly: 'definitely',
    definetly: 'definitely',
    definitly: 'definitely',
    disater: 'disaster',
    dissaster: 'disaster',
    disastor: 'disaster',
    catastophe: 'catastrophe',
    unloveable: 'unlovable',
    unlovible: 'unlovable',
    failiure: 'failure',
    faliure: 'failure',
    falure: 'failure',
    pathethic: 'pathetic',
    stoopid: 'stupid',
    idot: 'idiot',
    idoit: 'idiot',
    intrest: 'interest',
    intrested: 'interested',
    becuase: 'because',
    becasue: 'because',
    becuz: 'because',
    bcuz: 'because',
    bcoz: 'because',
    bc: 'because',
    cos: 'because',
    coz: 'because',
    cuz: 'because',
    realy: 'really',
    rly: 'really',
    ruind: 'ruined',
    terible: 'terrible',
    horible: 'horrible',
    unbareable: 'unbearable',
    unberable: 'unbearable',
    rejeted: 'rejected',
    embarassed: 'embarrassed',
    embarrased: 'embarrassed',
    embarassment: 'embarrassment',
    embarrasment: 'embarrassment',
    tho: 'though',
    luv: 'love',
    wiv: 'with',
    u: 'you',
    ur: 'your',
    ppl: 'people',
    bf: 'boyfriend',
    gf: 'girlfriend',
  }),
);

/** Words a stretched spelling ("neverrr", "sooo") may be shortened to. */
const STRETCH_TARGETS: ReadonlySet<string> = new Set([
  'always',
  'never',
  'ever',
  'every',
  'everyone',
  'everybody',
  'everything',
  'nobody',
  'nothing',
  'all',
  'so',
  'too',
  'should',
  'must',
  'totally',
  'completely',
  'perfect',
  'ruined',
  'stupid',
  'idiot',
  'loser',
  'useless',
  'pathetic',
  'disaster',
  'awful',
  'terrible',
  'hate',
  'me',
  'my',
  'fault',
  'feel',
  'really',
  'well',
  'good',
  'need',
  'soon',
  'see',
]);

/** After "ill" typed for "I'll": these make the reading plain ("ill never be enough"). */
const AFTER_ILL: ReadonlySet<string> = new Set([
  'never',
  'always',
  'be',
  'end',
  'get',
  'mess',
  'ruin',
  'probably',
  'definitely',
  'just',
  'lose',
  'fail',
  'make',
  'only',
  'say',
  'look',
  'have',
  'die',
]);

function foldWord(raw: string): string {
  const plain = raw.replace(APOSTROPHES, "'");
  if (!NOT_ASCII.test(plain)) return plain.toLowerCase();
  return plain.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(LINE_MARKS, '');
}

/**
 * Canonical words of typed words already seen. Thoughts reuse most of their words, and
 * folding and mending a word was most of the time spent reading a text. The mapping is a
 * pure function of the typed word, so the cache cannot change a result; it is emptied when
 * full, which bounds its memory.
 */
const CANONICAL_CACHE = new Map<string, readonly string[]>();
const CANONICAL_CACHE_MAX = 5_000;

function readWord(raw: string): readonly string[] {
  const cached = CANONICAL_CACHE.get(raw);
  if (cached) return cached;
  const words = canonicalWords(foldWord(raw)).filter((word) => word !== '');
  if (raw.length <= 40) {
    if (CANONICAL_CACHE.size >= CANONICAL_CACHE_MAX) CANONICAL_CACHE.clear();
    CANONICAL_CACHE.set(raw, words);
  }
  return words;
}

function unstretch(word: string): string {
  if (!STRETCHED.test(word)) return word;
  let two = '';
  let one = '';
  for (let i = 0; i < word.length; i += 1) {
    const char = word.charAt(i);
    const run = i > 0 && word.charAt(i - 1) === char;
    const twice = i > 1 && run && word.charAt(i - 2) === char;
    if (!twice) two += char;
    if (!run) one += char;
  }
  if (STRETCH_TARGETS.has(two)) return two;
  if (STRETCH_TARGETS.has(one)) return one;
  return two;
}

/** One typed word (folded) to its canonical words. */
function canonicalWords(folded: string): string[] {
  if (folded.includes("'")) {
    const irregular = IRREGULAR_NEGATIVES.get(folded);
    if (irregular) return [...irregular];
    if (folded.endsWith("n't") && folded.length > 3) {
      return [...canonicalWords(folded.slice(0, -3).replace(/'/g, '')), 'not'];
    }
    const suffix = /^(.+)'(m|re|ve|ll|d|s)$/.exec(folded);
    if (suffix) {
      const stem = (suffix[1] ?? '').replace(/'/g, '');
      const rest = { m: 'am', re: 'are', ve: 'have', ll: 'will', d: 'would', s: 'is' }[
        suffix[2] as 'm' | 're' | 've' | 'll' | 'd' | 's'
      ];
      if (rest === 'is' && !IS_STEMS.has(stem)) return [stem];
      return [stem, rest];
    }
    return canonicalWords(folded.replace(/'/g, ''));
  }
  const word = unstretch(folded);
  const mended = SPELLINGS.get(word);
  return mended ? mended.split(' ') : [word];
}

/** Letters, digits and combining marks of any script; ASCII answered without a regex. */
function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  return WORD_CHAR.test(String.fromCodePoint(code));
}

function isApostrophe(code: number): boolean {
  return (
    code === 39 ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x02bc ||
    code === 0x60 ||
    code === 0xb4 ||
    code === 0x2032
  );
}

/** The canonical words of `input`, each with the span of the input it came from. */
function tokenise(input: string): Token[] {
  const tokens: Token[] = [];
  const n = input.length;
  let pending: ',' | '|' | null = null;
  let pendingAt = 0;
  let i = 0;
  while (i < n) {
    const code = input.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    if (!isWordCode(code)) {
      const char = input.charAt(i);
      if (SENTENCE_ENDS.has(char)) {
        pending = '|';
        pendingAt = i;
      } else if (PAUSES.has(char) && pending === null) {
        pending = ',';
        pendingAt = i;
      }
      i += width;
      continue;
    }
    // A word: letters, digits and marks, joined by inner apostrophes, with an optional "%".
    let j = i + width;
    while (j < n) {
      const next = input.codePointAt(j) ?? 0;
      if (isApostrophe(next)) {
        if (j + 1 >= n || !isWordCode(input.codePointAt(j + 1) ?? 0)) break;
        j += 1;
      } else if (isWordCode(next)) {
        j += next > 0xffff ? 2 : 1;
      } else {
        break;
      }
    }
    if (input.charCodeAt(j) === 37) j += 1;
    // A pause or a sentence end before the first word means nothing.
    if (pending !== null && tokens.length > 0) {
      tokens.push({ word: pending, start: pendingAt, end: pendingAt + 1 });
    }
    pending = null;
    for (const word of readWord(input.slice(i, j))) {
      // "ill" typed for "I'll", only where the next word makes that reading plain.
      const previous = tokens[tokens.length - 1];
      if (previous && previous.word === 'ill' && AFTER_ILL.has(word)) {
        previous.word = 'i';
        tokens.push({ word: 'will', start: previous.start, end: previous.end });
      }
      tokens.push({ word, start: i, end: j });
    }
    i = j;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------
// The rules

interface Rule {
  trap: ThinkingTrapId;
  /** How much one match adds: STRONG alone suggests the trap, HINT needs company. */
  weight: number;
  /** A regular expression over canonical words separated by single spaces. */
  pattern: string;
  /** False when a "not" just before the words does not undo the trap ("I don't feel…, so…"). */
  negatable?: boolean;
  /** The words do not count right after these (a label put into someone else's mouth). */
  notAfter?: RegExp;
}

const STRONG = 0.85;
const CLEAR = 0.7;
const HINT = 0.4;
const SUGGEST_FROM = 0.5;

/** Up to n more words of the same clause. */
const W = (n: number): string => `(?:[^ |,]+ ){0,${n}}`;
/** Up to n more words of the same sentence, across commas. */
const S = (n: number): string => `(?:[^ |]+ ){0,${n}}`;
/** Up to n more words of the same clause, none of them "not". */
const WNOT = (n: number): string => `(?:(?!not )[^ |,]+ ){0,${n}}`;

/** Someone else, as the subject of a sentence. */
const OTHER =
  '(?:(?:my|his|her|their|our|the|your) )?(?:he|she|they|people|everyone|everybody|partner|husband|wife|boyfriend|girlfriend|fiance|fiancee|date|friends?|family|mum|dad|mother|father|parents|ex|boss|colleagues?|therapist|others|men|women|guys|girls)';
const LABEL =
  '(?:failure|loser|idiot|moron|fool|unlovable|pathetic|useless|worthless|broken|damaged|mess|wreck|freak|weirdo|weird|boring|needy|clingy|coward|wimp|disappointment|fraud|burden|nuisance|disgusting|stupid|selfish|heartless|liars?|cheats?|jerk|monster|narcissist|psycho|weak|exhausting|letdown|let down|joke|embarrassment|dumb|unattractive|defective|unfixable|hopeless case|waste of space|(?:terrible|bad|awful|rubbish|useless|horrible|crap|lousy) (?:girlfriend|boyfriend|partner|wife|husband|parent|mum|mother|dad|father|friend|person|daughter|son|lover|human))';
const COPULA = '(?:am|is|are|was|were|being|must be|really am|will always be|have always been)';
const LABEL_FILLER =
  '(?:(?:just|such|so|really|completely|totally|utterly|a|an|the|nothing but|always|complete|total|utter|too|bit|basically|literally|clearly|obviously|officially|still|needy|nervous|big|massive|horrible|stupid|pathetic|useless|hopeless|damaged) )*';
const BAD_FUTURE =
  '(?:leave|leaving|walk away|dump|reject|hurt|laugh|end|fail|go wrong|break up|split up|cheat|get bored|lose|hate|panic|freeze|mess|ruin|blow it|regret|see through|find out|find someone|end up|be alone|get hurt|be rejected|go badly|fall apart|come crashing|crash|collapse|say no|judge|think less|give up|die|never|be (?:awkward|awful|terrible|horrible|embarrassing|humiliating|too much|boring|a mistake|over|ruined|pointless|a disaster|a let down|a letdown|a nightmare|a mess|a failure))';
const NOT_FUTURE =
  '(?:last|work|work out|like|want|love|stay|understand|forgive|go well|get better|change|be able|be enough|be happy)';

/**
 * The rule table. Each line: the trap, its weight, the words. Negation before a match undoes it
 * unless `negatable` is false. Order does not matter.
 */
const RULES: readonly Rule[] = [
  // All or nothing: verdicts with no middle.
  {
    trap: 'all-or-nothing',
    weight: CLEAR,
    pattern:
      '(?:completely|totally|utterly|entirely|absolutely)(?! (?:fine|okay|ok|normal|natural|agree|understand|understandable|safe|possible|right to))',
  },
  {
    trap: 'all-or-nothing',
    weight: STRONG,
    pattern:
      'perfect(?:ly|ion)?(?! (?:fine|normal|ok|okay|natural|reasonable|understandable|sense|well|happy|match for))',
  },
  { trap: 'all-or-nothing', weight: CLEAR, pattern: `either ${S(10)}or` },
  {
    trap: 'all-or-nothing',
    weight: STRONG,
    pattern: '(?:total|complete|utter|absolute) (?!disaster|catastrophe|nightmare)[^ |,]+',
  },
  {
    trap: 'all-or-nothing',
    weight: STRONG,
    pattern: `(?:nothing|everything) ${W(3)}(?:is|was|are|will be|has been|is now) (?:ruined|wrong|pointless|broken|lost|spoiled|spoilt|a mess|good enough|right)`,
  },
  {
    trap: 'all-or-nothing',
    weight: STRONG,
    pattern: 'nothing i (?:do|say|try|did)|ruined everything|nothing at all',
  },
  {
    trap: 'all-or-nothing',
    weight: STRONG,
    pattern: '(?:100%|100 percent|100 per cent|hundred percent|hundred per cent)',
    negatable: false,
  },
  {
    trap: 'all-or-nothing',
    weight: CLEAR,
    pattern: `(?:always|never|ever) ${W(2)}(?:wrong|right|good enough|fail|failing|mess up|mess it up|mess things up|ruin|screw up)`,
  },
  {
    trap: 'all-or-nothing',
    weight: STRONG,
    pattern: `(?:whole|entire) ${W(3)}(?:is|was|has been|will be|got) (?:ruined|spoiled|spoilt|a write off|a waste|wasted|pointless|over)`,
  },
  { trap: 'all-or-nothing', weight: CLEAR, pattern: 'write off|square one' },
  {
    trap: 'all-or-nothing',
    weight: CLEAR,
    pattern: `(?<!no )(?:one|any|a single) ${W(3)}(?:means|equals|proves)`,
  },

  // Overgeneralising: a rule drawn from a few events.
  {
    trap: 'overgeneralising',
    weight: STRONG,
    // Not a habit someone is glad of ("I always feel calmer after we talk").
    pattern:
      '(?<!(?:must|should|will|would|could|can|might|shall) )always(?! will)(?! (?:feel|felt) (?:better|calmer|safer|happier|good|safe|happy|relieved))(?! (?:love|enjoy|loved|enjoyed) )',
  },
  {
    trap: 'overgeneralising',
    weight: STRONG,
    pattern: `(?<!(?:will|would|must|should|could|can|might|to|shall|wish|wishes|wished) )never(?! going to)(?! ${W(4)}again(?![^ ]))`,
  },
  {
    trap: 'overgeneralising',
    weight: STRONG,
    pattern:
      'every (?:single )?time|whenever|each time|every (?:single )?(?:date|relationship|partner|man|woman|boyfriend|girlfriend|person|friend|friendship)',
  },
  {
    trap: 'overgeneralising',
    weight: STRONG,
    pattern: `(?:everyone|everybody) ${W(5)}(?:leaves?|lets?|ends? up|hurts?|abandons?|walks? away|gets? bored|always|never|eventually|in the end|lies|cheats?|uses?|rejects?|betrays?|leaves)`,
  },
  {
    trap: 'overgeneralising',
    weight: STRONG,
    pattern: `(?:nobody|no one) ${W(2)}(?:ever|wants?|cares?|likes?|loves?|could|would|will|stays?|listens?|understands?|has ever|is ever)`,
  },
  {
    trap: 'overgeneralising',
    weight: STRONG,
    pattern:
      'all (?:the )?(?:men|women|guys|girls|people|partners|exes|relationships)|(?:men|women|guys|girls|people) (?:are all|all)',
  },
  { trap: 'overgeneralising', weight: CLEAR, pattern: `(?:nothing|nobody|no one) ${W(4)}ever` },
  {
    trap: 'overgeneralising',
    weight: CLEAR,
    pattern:
      '(?<!(?:will|to) )ends? up|always the way|the same (?:way|story|thing|pattern)|again and again|once again|like (?:all )?the (?:others|rest)|like all of them|like they all|(?:they|relationships|it) all end',
  },

  // Mental filter: one detail fills the view.
  {
    trap: 'mental-filter',
    weight: STRONG,
    pattern:
      'all i (?:can |could )?(?:think about|see|remember|hear|focus on|notice|noticed|saw|heard)|the only thing i (?:remember|noticed|notice|can think about|think about|see|saw|care about|heard)|(?:can|could) not stop (?:thinking about|replaying|going over)|keep (?:going over|replaying|thinking about|coming back to|dwelling on)|(?:can|could) only (?:focus on|think about|see|remember|hear)',
  },
  {
    trap: 'mental-filter',
    weight: STRONG,
    pattern:
      '(?:stuck|fixated|hung up) on|(?:can|could) not get past|(?:that is |is )what (?:matters|counts)|that is all (?:i|that|anyone)|forget the (?:nice|good) (?:parts|bits|things)|only see (?:my |the )?(?:mistakes|bad|what went wrong|negatives?|flaws)|spoiled by|spoilt by|ruined by',
  },
  {
    trap: 'mental-filter',
    weight: CLEAR,
    pattern: `one ${W(3)}(?:thing|comment|moment|mistake|pause|slip|word|look|kiss|argument|criticism|remark|silence) ${S(6)}(?:whole|entire) ${W(2)}(?:was|is) (?:ruined|spoiled|spoilt|a write off|wasted|pointless)`,
  },
  {
    trap: 'mental-filter',
    weight: CLEAR,
    pattern: `(?:does|did) not matter that ${W(4)}(?:was|is|were|went) (?:fun|good|nice|lovely|great|well|kind|fine)`,
    negatable: false,
  },

  // Discounting positives: the good is brushed aside.
  {
    trap: 'discounting-positives',
    weight: STRONG,
    pattern:
      '(?:just|only) being (?:kind|nice|polite|friendly|generous|supportive|sweet)|(?:out of|from) pity|(?:feels?|felt) sorry for me|(?:just|only|pure|sheer|was|it was|that was) (?:luck|lucky)|fluke|beginner luck|(?:just|only) got lucky',
  },
  {
    trap: 'discounting-positives',
    weight: STRONG,
    pattern:
      '(?:does not|did not|do not|would not|hardly|barely) counts?|(?:does not|did not) mean (?:anything|much|a thing)(?! (?:is|was|will|has|bad|wrong))|(?:does not|did not|do not) really mean it',
    negatable: false,
  },
  {
    trap: 'discounting-positives',
    weight: STRONG,
    pattern:
      'any ?(?:one|body) could (?:have )?(?:do|done|manage|managed)|(?:has|have|had) to say (?:that|it|so)|only (?:said|says|saying) (?:it|that|yes|so)|paid to (?:say|be)|(?:only|just) (?:to be|being) (?:polite|nice|kind)|(?:not|does not|do not|did not) know the real me|just how (?:he|she|they) (?:is|are)',
  },
  {
    trap: 'discounting-positives',
    weight: STRONG,
    pattern: `only ${W(4)}(?:to be|being) (?:polite|nice|kind)|but ${W(4)}only because`,
  },
  { trap: 'discounting-positives', weight: HINT, pattern: 'only because' },
  {
    trap: 'discounting-positives',
    weight: CLEAR,
    pattern: `(?:does|did) not matter that ${W(4)}(?:was|is|were|went) (?:fun|good|nice|lovely|great|well|kind|fine)`,
    negatable: false,
  },

  // Mind reading: knowing, untold, what someone else thinks or feels.
  {
    trap: 'mind-reading',
    weight: STRONG,
    // What they think of me, not what they think about the film.
    pattern: `${OTHER} ${W(3)}(?:(?:thinks?|thought|reckons?|believes?|can see|could see|can tell|could tell)(?= (?:that )?(?:i|me|my|we|us|our|how|about me|of me|through me)(?![^ ]))|judges?|judging|sees me as|(?:must have|would have|will have|probably|definitely|obviously) noticed)`,
  },
  {
    trap: 'mind-reading',
    weight: STRONG,
    pattern:
      '(?:lost|losing) interest|(?:going|gone|went) off me|(?<!(?:get|gets|getting|got) )(?:bored|sick|tired|fed up) (?:of|with) me|had enough of me|(?:annoyed|angry|cross|irritated|disappointed|disgusted) (?:with|at|by|in) me|(?:does|do|did) not (?:really |even |actually )?(?:care|like|love|want|fancy|respect|trust|find me) (?:me|about me|attractive)|(?:hates?|resents?|can not stand) me|putting up with me|pulling away|(?:is|are|was|were) (?:just |only )?pretending|(?:comparing|compares) me|secretly (?:[^ |,]+ )?(?:hates?|wants?|thinks?|planning|seeing|laughing|wishes|resents?|bored|judging)|never (?:met|known|dated|married) me|seeing someone else|talking about me|laughing at me|judging me',
  },
  {
    trap: 'mind-reading',
    weight: CLEAR,
    pattern: `${OTHER} ${W(2)}(?:wants?|wanted) ${W(3)}(?:to end|to leave|out|to go|someone else|to break up|rid of me)`,
  },
  {
    trap: 'mind-reading',
    weight: HINT,
    pattern: `${OTHER} (?:must|probably) (?:be|feel|hate|know|want|think)`,
  },
  {
    trap: 'mind-reading',
    weight: HINT,
    pattern: `(?:i can tell|i just know|i know) (?:that )?${OTHER}`,
  },

  // Fortune telling: a bad future told as fact.
  {
    trap: 'fortune-telling',
    weight: STRONG,
    pattern: `(?:will|going to|bound to|sure to|certain to) ${WNOT(2)}${BAD_FUTURE}`,
  },
  {
    trap: 'fortune-telling',
    weight: STRONG,
    pattern: `will not ${W(1)}${NOT_FUTURE}|will not ever|never going to`,
  },
  {
    trap: 'fortune-telling',
    weight: STRONG,
    pattern: '(?:nobody|no one) (?:[^ |,]+ )?(?:will|is going to|would) ever',
  },
  { trap: 'fortune-telling', weight: STRONG, pattern: 'no point|what is the point' },
  {
    trap: 'fortune-telling',
    weight: CLEAR,
    pattern: 'always will be|will always be (?:alone|like this|single|this way|the same|on my own)',
  },

  // Catastrophising: the worst, and unbearable.
  {
    trap: 'catastrophising',
    weight: STRONG,
    pattern:
      'disaster|disastrous|catastroph(?:e|ic)|nightmare|the end of the world|end of everything|(?:life|relationship|marriage|it all) (?:is|will be|would be) (?:over|finished)|ruin (?:my|our) (?:life|lives)|destroy(?:ed|s)? me|devastat(?:ed|ing)|unbearable|unbearably|too much to (?:bear|handle|take)|fall(?:ing)? apart|crashing down|the worst (?:thing|that|possible|outcome|case)|die of (?:embarrassment|shame)|never (?:recover|get over)',
  },
  {
    trap: 'catastrophising',
    weight: STRONG,
    pattern:
      '(?:can not|could not|would not be able to|will not be able to|never) (?:cope|bear|stand|survive|handle)(?! (?:the (?:heat|taste|cold)))',
  },
  // Not a suggestion ("what if we went for a walk?").
  {
    trap: 'catastrophising',
    weight: CLEAR,
    pattern: 'what if(?! (?:we|you|i) (?:went|tried|did|just|had|made|asked|got|booked|started))',
  },
  {
    trap: 'catastrophising',
    weight: HINT,
    pattern: 'terrible|awful|horrible|horrific|dreadful|ruined',
  },

  // Emotional reasoning: a feeling taken as proof.
  {
    trap: 'emotional-reasoning',
    weight: STRONG,
    pattern: `(?:feel|feels|feeling|felt) ${S(8)}(?:which proves|proves|that proves|which shows|that shows|is proof|that is how i know|which tells me|tells me)`,
    negatable: false,
  },
  {
    trap: 'emotional-reasoning',
    weight: STRONG,
    pattern: `(?:feel|feels|feeling|felt) ${S(8)}(?:so|therefore|which means|that means|means|then) ${S(4)}(?:must|really|true|definitely|obviously|clearly|can not be|nobody|no one|(?:i|it|he|she|they|we|that|there) (?:am|is|are)(?! (?:going|trying|planning|learning|working|allowed|okay|ok|fine|safe)))`,
    negatable: false,
  },
  {
    trap: 'emotional-reasoning',
    weight: STRONG,
    pattern: `(?:because|since|as) (?:i|we) ${W(1)}(?:feel|felt) ${S(5)}(?:must|it is|that is|that means|so|then)`,
    negatable: false,
  },
  {
    trap: 'emotional-reasoning',
    weight: STRONG,
    pattern:
      '(?:my )?gut (?:says|tells|feeling|instinct|is telling)|in my (?:gut|bones)|feels? (?:true|real|certain|like a fact)|i can feel it',
    negatable: false,
  },

  // Should statements: strict rules for oneself or others.
  {
    trap: 'should-statements',
    weight: STRONG,
    pattern:
      'should(?! (?:i|we|be (?:fine|ok|okay|alright|all right|good|fun|easy|here|there|ready|back|home|open)|arrive))',
  },
  { trap: 'should-statements', weight: STRONG, pattern: 'ought(?: not)? to|ought not|supposed to' },
  {
    trap: 'should-statements',
    weight: STRONG,
    pattern:
      '(?<!(?:it|that|there|this) |(?:so|then|therefore|means) (?:i|he|she|they|we|you) )must(?: not| never| always| ever)* (?!be |have |mean|think|know|feel)[^ |,]+',
  },
  {
    trap: 'should-statements',
    weight: CLEAR,
    pattern:
      '(?:have|has|have got|got|need|needs) to (?:be|stop|always|never|feel|get over|keep|look|make|hide|fix|want|act|seem|please)',
  },
  { trap: 'should-statements', weight: HINT, pattern: 'by now' },

  // Labelling: one harsh word for a whole person.
  {
    trap: 'labelling',
    weight: STRONG,
    pattern: `(?:i|he|she|they|you|partner|ex|men|women|people) ${COPULA} ${LABEL_FILLER}${LABEL}`,
    notAfter:
      /(?:^| )(?:thinks?|thought|believes?|reckons?|says?|said|finds?|sees?|calls?|called|tells? me|told me|worry|worried|afraid|scared|fear|if) $/,
  },
  {
    trap: 'labelling',
    weight: STRONG,
    pattern: `what (?:a|an) ${LABEL_FILLER}${LABEL}|damaged goods|waste of space`,
  },
  {
    trap: 'labelling',
    weight: CLEAR,
    pattern: `feel like (?:a|an|such a|such an|a complete|a total|the biggest) ${LABEL_FILLER}${LABEL}`,
  },
  {
    trap: 'labelling',
    weight: CLEAR,
    pattern: '(?:i|he|she) (?:am|must be|really am|is) one(?= \\||$)',
  },
  { trap: 'labelling', weight: CLEAR, pattern: `being ${LABEL_FILLER}${LABEL}` },

  // Personalising: taking the blame or the cause.
  {
    trap: 'personalising',
    weight: STRONG,
    pattern:
      '(?:all |entirely |completely )?my (?:own )?fault|because of me|down to me|my doing|i am to blame|i am (?:the|the only|the main) (?:reason|problem|cause)|blame myself|i caused|something i (?:did|said|do|say)|what did i do|it is (?:all )?on me',
  },
  {
    trap: 'personalising',
    weight: STRONG,
    pattern: `i made (?:him|her|them) ${W(2)}(?:angry|upset|cry|leave|cheat|sad|unhappy|stressed|stray|drink|go|quiet|distant|anxious)|i must have (?:upset|annoyed|hurt|offended|done|said|pushed|scared|bored|put)`,
  },
  {
    trap: 'personalising',
    weight: STRONG,
    pattern: `if (?:only )?i (?:would|had|would have|had have) (?:been|done|said|tried|not) ${W(3)}(?:better|more|less|different|enough|nicer|thinner|prettier|kinder|there)`,
  },
  {
    trap: 'personalising',
    weight: STRONG,
    pattern: `because i (?:am|was) (?:not (?:good |pretty |attractive |fun |interesting |nice )?enough|not there|too [^ |,]+|there|around|${LABEL_FILLER}${LABEL})`,
  },
];

interface CompiledRule extends Rule {
  regex: RegExp;
}

const COMPILED: readonly CompiledRule[] = RULES.map((rule) => ({
  ...rule,
  // Whole words only: a match starts after a space (or the line's start) and ends before one.
  regex: new RegExp(`(?<![^ ])(?:${rule.pattern})(?![^ ])`, 'g'),
}));

const NEGATORS: ReadonlySet<string> = new Set(['not', 'hardly', 'barely', 'scarcely', 'no']);
/** A negation does not reach across these ("I'm not sure, but she'll leave"). */
const SCOPE_BREAKS: ReadonlySet<string> = new Set([
  ',',
  '|',
  'and',
  'but',
  'so',
  'because',
  'though',
  'although',
  'yet',
  'or',
  'if',
  'unless',
  'when',
  'whenever',
  'while',
  'then',
  'since',
]);
/** "If it isn't perfect…" is a condition, not a denial. */
const CONDITIONS: ReadonlySet<string> = new Set(['if', 'unless', 'until']);
/** After "no" these make a word of their own, not a negation ("no one", "no point"). */
const NOT_NEGATING_AFTER_NO: ReadonlySet<string> = new Set([
  'one',
  'body',
  'point',
  'longer',
  'matter',
]);

/** Whether a negation in the same clause, at most four words back, undoes the words at `index`. */
function negatedAt(tokens: readonly Token[], index: number): boolean {
  for (let i = index - 1, seen = 0; i >= 0 && seen < 4; i -= 1, seen += 1) {
    const word = tokens[i]?.word ?? '|';
    if (SCOPE_BREAKS.has(word)) return false;
    if (!NEGATORS.has(word)) continue;
    if (word === 'no' && NOT_NEGATING_AFTER_NO.has(tokens[i + 1]?.word ?? '')) continue;
    for (let j = i - 1, back = 0; j >= 0 && back < 4; j -= 1, back += 1) {
      const before = tokens[j]?.word ?? '|';
      if (CONDITIONS.has(before)) return false;
      if (before === ',' || before === '|') break;
    }
    return true;
  }
  return false;
}

/** Evidence kept per trap: enough to highlight, bounded for very long texts. */
const MAX_WORDS_PER_TRAP = 8;

/**
 * Proposes the thinking traps that `text` might contain, most likely first, each with the exact
 * words that suggested it. Returns an empty list for a thought with no sign of a trap. Never
 * throws, whatever the string; linear in the text's length.
 */
export function suggestThinkingTraps(text: string): ThinkingTrapSuggestion[] {
  // The type says string, but the browser may hand over whatever a field held.
  if (typeof text !== 'string' || text.trim() === '') return [];
  const tokens = tokenise(text);
  if (tokens.length === 0) return [];

  // One line of canonical words, and for each character the token it belongs to.
  const words = tokens.map((token) => token.word);
  const line = words.join(' ');
  const tokenAt = new Int32Array(line.length).fill(-1);
  let offset = 0;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? '';
    tokenAt.fill(index, offset, offset + word.length);
    offset += word.length + 1;
  }

  const found = new Map<ThinkingTrapId, { miss: number; spans: [number, number][] }>();
  for (const rule of COMPILED) {
    rule.regex.lastIndex = 0;
    for (let match = rule.regex.exec(line); match !== null; match = rule.regex.exec(line)) {
      if (match[0].length === 0) {
        rule.regex.lastIndex += 1;
        continue;
      }
      const first = tokenAt[match.index] ?? -1;
      let lastChar = match.index + match[0].length - 1;
      while (lastChar > match.index && (tokenAt[lastChar] ?? -1) < 0) lastChar -= 1;
      const last = tokenAt[lastChar] ?? -1;
      if (first < 0 || last < first) continue;
      if (rule.negatable !== false && negatedAt(tokens, first)) continue;
      if (
        rule.notAfter &&
        rule.notAfter.test(line.slice(Math.max(0, match.index - 30), match.index))
      ) {
        continue;
      }
      const start = tokens[first]?.start ?? 0;
      const end = tokens[last]?.end ?? start;
      const entry = found.get(rule.trap) ?? { miss: 1, spans: [] };
      entry.miss *= 1 - rule.weight;
      entry.spans.push([start, end]);
      found.set(rule.trap, entry);
    }
  }

  const suggestions: (ThinkingTrapSuggestion & { order: number })[] = [];
  for (const [trap, entry] of found) {
    const confidence = Math.round((1 - entry.miss) * 100) / 100;
    if (confidence < SUGGEST_FROM) continue;
    const merged = mergeSpans(entry.spans).slice(0, MAX_WORDS_PER_TRAP);
    suggestions.push({
      trap,
      confidence,
      words: merged.map(([start, end]) => ({ text: text.slice(start, end), start, end })),
      order: THINKING_TRAP_IDS.indexOf(trap),
    });
  }
  suggestions.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      (a.words[0]?.start ?? 0) - (b.words[0]?.start ?? 0) ||
      a.order - b.order,
  );
  return suggestions.map(({ trap, confidence, words: evidence }) => ({
    trap,
    confidence,
    words: evidence,
  }));
}

/** Sorted, with overlapping spans joined (a joined span is still one piece of the text). */
function mergeSpans(spans: readonly [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && start < previous[1]) previous[1] = Math.max(previous[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
