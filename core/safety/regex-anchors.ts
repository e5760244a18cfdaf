/**
 * A quick test of which risk rules could match a text at all, so that the full rule patterns
 * run only where they might (the patterns were most of the risk check's time, and the risk
 * check was most of a journal save's).
 *
 * For each pattern, `requiredSubstrings` works out from its source a set of strings such that
 * every match of the pattern contains at least one of them ("want ", "wants ", … for a rule
 * that starts with those words). It is derived mechanically, never written by hand, so it
 * cannot drift from the rules; anything in a pattern it does not understand makes it answer
 * null, and that rule then always runs. `SubstringIndex` then finds, in one pass over a text
 * (Aho–Corasick), which rules have one of their strings in it. A rule without any cannot
 * match, so skipping it changes no result — tests compare the two on every labelled phrase
 * and on random texts.
 */

/** What a piece of a pattern can match: its exact strings when few, and required substrings. */
interface Summary {
  /** Every string this piece can match, when there are at most MAX_SET of them. */
  exact: ReadonlySet<string> | null;
  /** Strings one of which every match contains; null when none is known. */
  anchors: ReadonlySet<string> | null;
}

const MAX_SET = 256;
const MAX_ANCHORS = 20_000;
const EMPTY: Summary = { exact: new Set(['']), anchors: null };
const UNKNOWN: Summary = { exact: null, anchors: null };

class Unsupported extends Error {}

/**
 * Strings at least one of which every match of `pattern` contains, or null when that cannot
 * be worked out (then the caller must always run the pattern).
 */
export function requiredSubstrings(pattern: RegExp): string[] | null {
  // Case-insensitive or other unusual flags would break plain substring tests.
  if (/[^guyd]/.test(pattern.flags)) return null;
  try {
    const parser = new Parser(pattern.source);
    const summary = parser.disjunction();
    if (!parser.done()) return null;
    const anchors = usable(summary.anchors) ?? usable(summary.exact);
    return anchors ? [...anchors] : null;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** A set is usable as anchors only if none of its strings is empty. */
function usable(set: ReadonlySet<string> | null): ReadonlySet<string> | null {
  return set && set.size > 0 && !set.has('') ? set : null;
}

/** Recursive-descent reader of the regular-expression subset the risk rules use. */
class Parser {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  disjunction(): Summary {
    const alternatives = [this.alternative()];
    while (this.source[this.at] === '|') {
      this.at += 1;
      alternatives.push(this.alternative());
    }
    if (alternatives.length === 1) return alternatives[0] ?? UNKNOWN;
    return {
      exact: unionAll(alternatives.map((alternative) => alternative.exact)),
      // Anchor sets may be large: they only feed the one-pass index, not further products.
      anchors: unionAll(
        alternatives.map((alternative) => usable(alternative.anchors) ?? usable(alternative.exact)),
        MAX_ANCHORS,
      ),
    };
  }

  private alternative(): Summary {
    const terms: Summary[] = [];
    while (
      this.at < this.source.length &&
      this.source[this.at] !== '|' &&
      this.source[this.at] !== ')'
    ) {
      const term = this.term();
      // Neighbouring plain characters become one literal ("want "), which keeps sequences
      // short: reading all the rules took several times longer without this.
      const previous = terms.at(-1);
      const single = singleString(term);
      const before = previous ? singleString(previous) : null;
      if (single !== null && before !== null) terms[terms.length - 1] = literal(before + single);
      else terms.push(term);
    }
    return sequence(terms);
  }

  private term(): Summary {
    const atom = this.atom();
    return this.quantified(atom);
  }

  private quantified(atom: Summary): Summary {
    const char = this.source[this.at];
    let min: number;
    let max: number;
    if (char === '?') [min, max] = [0, 1];
    else if (char === '*') [min, max] = [0, Infinity];
    else if (char === '+') [min, max] = [1, Infinity];
    else if (char === '{') {
      const match = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.at));
      if (!match) throw new Unsupported('brace');
      min = Number(match[1]);
      max = match[2] ? (match[3] ? Number(match[3]) : Infinity) : min;
      this.at += match[0].length - 1;
    } else return atom;
    this.at += 1;
    if (this.source[this.at] === '?') this.at += 1; // lazy: matches the same strings
    return repeat(atom, min, max);
  }

  private atom(): Summary {
    const char = this.source[this.at];
    if (char === undefined) throw new Unsupported('end');
    if (char === '(') return this.group();
    if (char === '[') return this.characterClass();
    if (char === '\\') return this.escape();
    this.at += 1;
    if (char === '^' || char === '$') return EMPTY;
    if (char === '.') return UNKNOWN;
    if ('*+?{}'.includes(char)) throw new Unsupported('quantifier without atom');
    return literal(char);
  }

  private group(): Summary {
    this.at += 1;
    let zeroWidth = false;
    if (this.source.startsWith('?:', this.at)) this.at += 2;
    else if (this.source.startsWith('?=', this.at) || this.source.startsWith('?!', this.at)) {
      this.at += 2;
      zeroWidth = true;
    } else if (this.source.startsWith('?<=', this.at) || this.source.startsWith('?<!', this.at)) {
      this.at += 3;
      zeroWidth = true;
    } else if (this.source[this.at] === '?') throw new Unsupported('group kind');
    const inner = this.disjunction();
    if (this.source[this.at] !== ')') throw new Unsupported('unclosed group');
    this.at += 1;
    // A look-around consumes nothing, so it neither adds to nor requires any text.
    return zeroWidth ? EMPTY : inner;
  }

  private characterClass(): Summary {
    let end = this.at + 1;
    while (end < this.source.length && this.source[end] !== ']') {
      end += this.source[end] === '\\' ? 2 : 1;
    }
    if (end >= this.source.length) throw new Unsupported('unclosed class');
    const body = this.source.slice(this.at + 1, end);
    this.at = end + 1;
    // Only a short list of plain letters (`[sz]`) is read exactly; anything else is unknown.
    if (/^[a-z0-9 ]{1,8}$/.test(body)) {
      return { exact: new Set(body), anchors: new Set(body) };
    }
    return UNKNOWN;
  }

  private escape(): Summary {
    const next = this.source[this.at + 1];
    if (next === undefined) throw new Unsupported('escape');
    if (next === 'b' || next === 'B') {
      this.at += 2;
      return EMPTY;
    }
    if ('dDwWsS'.includes(next)) {
      this.at += 2;
      return UNKNOWN;
    }
    if (next === 'u') {
      const hex = /^\\u([0-9a-fA-F]{4})/.exec(this.source.slice(this.at));
      if (!hex) throw new Unsupported('unicode escape');
      this.at += 6;
      return literal(String.fromCharCode(parseInt(hex[1] ?? '', 16)));
    }
    if (next === 'x') {
      const hex = /^\\x([0-9a-fA-F]{2})/.exec(this.source.slice(this.at));
      if (!hex) throw new Unsupported('hex escape');
      this.at += 4;
      return literal(String.fromCharCode(parseInt(hex[1] ?? '', 16)));
    }
    // Back-references, control and other letter escapes are not read.
    if (/[a-zA-Z0-9]/.test(next)) throw new Unsupported(`\\${next}`);
    this.at += 2;
    return literal(next);
  }
}

function literal(text: string): Summary {
  const set = new Set([text]);
  return { exact: set, anchors: set };
}

/** The one non-empty string a summary matches, if that is all it matches. */
function singleString(summary: Summary): string | null {
  if (summary.exact?.size !== 1) return null;
  const [only] = summary.exact;
  return only ? only : null;
}

/** All concatenations a·b, or null when there would be too many. */
function concat(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | null {
  if (a.size * b.size > MAX_SET) return null;
  const out = new Set<string>();
  for (const left of a) for (const right of b) out.add(left + right);
  return out;
}

function unionAll(sets: (ReadonlySet<string> | null)[], limit = MAX_SET): Set<string> | null {
  const out = new Set<string>();
  for (const set of sets) {
    if (!set) return null;
    for (const value of set) out.add(value);
    if (out.size > limit) return null;
  }
  return out;
}

function repeat(atom: Summary, min: number, max: number): Summary {
  let exact: Set<string> | null = null;
  if (atom.exact && max !== Infinity && max <= 4) {
    exact = new Set(min === 0 ? [''] : []);
    let power: Set<string> | null = new Set(['']);
    for (let count = 1; count <= max && power; count += 1) {
      power = concat(power, atom.exact);
      if (power && count >= min) exact = unionAll([exact, power]);
      if (!exact) break;
    }
    if (!power) exact = null;
  }
  return { exact, anchors: min >= 1 ? (usable(atom.anchors) ?? usable(atom.exact)) : null };
}

/**
 * A sequence of terms. Its exact strings are the concatenations of its terms' (when few); its
 * anchors are the best of: any single term's anchors, or the concatenated exact strings of a
 * run of neighbouring terms that are all exact (longer strings are rarer, so better).
 */
function sequence(terms: Summary[]): Summary {
  if (terms.length === 0) return EMPTY;
  let exact: Set<string> | null = new Set(['']);
  for (const term of terms) {
    exact = exact && term.exact ? concat(exact, term.exact) : null;
    if (!exact) break;
  }
  let best: ReadonlySet<string> | null = null;
  const consider = (candidate: ReadonlySet<string> | null) => {
    const set = usable(candidate);
    if (set && better(set, best)) best = set;
  };
  for (let start = 0; start < terms.length; start += 1) {
    consider(terms[start]?.anchors ?? null);
    let run: Set<string> | null = new Set(['']);
    for (let end = start; end < terms.length && run; end += 1) {
      const termExact = terms[end]?.exact ?? null;
      run = termExact ? concat(run, termExact) : null;
      consider(run);
    }
  }
  return { exact, anchors: best };
}

const SHORTEST = new WeakMap<ReadonlySet<string>, number>();

function shortest(set: ReadonlySet<string>): number {
  let length = SHORTEST.get(set);
  if (length === undefined) {
    length = Infinity;
    for (const value of set) length = Math.min(length, value.length);
    SHORTEST.set(set, length);
  }
  return length;
}

/** Prefers anchors whose shortest string is longest, then fewer strings. */
function better(candidate: ReadonlySet<string>, current: ReadonlySet<string> | null): boolean {
  if (!current) return true;
  const a = shortest(candidate);
  const b = shortest(current);
  return a > b || (a === b && candidate.size < current.size);
}

/**
 * Only this many leading characters of each string are indexed. Sound, because a text that
 * contains a string contains its beginning; it keeps the automaton small (the risk rules'
 * strings made 64,000 states untrimmed) at the price of a few more rules run for nothing.
 */
const INDEXED_LENGTH = 14;

/**
 * Finds which of many string sets have a member in a text, in one pass (Aho–Corasick, built
 * into a full transition table so each character costs one array read). Sets are numbered by
 * their position in the constructor's list.
 */
export class SubstringIndex {
  readonly size: number;
  /** Symbol number of each character that occurs in some string; others reset the search. */
  private readonly symbols = new Map<number, number>();
  private readonly table: Int32Array;
  /** The same as `symbols` for ASCII characters, as a plain array (-1: none). */
  private readonly asciiSymbols: Int16Array;
  private readonly output: (readonly number[] | null)[];

  constructor(sets: readonly (readonly string[])[]) {
    this.size = sets.length;
    const next: Map<number, number>[] = [new Map()];
    const outputs: number[][] = [[]];
    sets.forEach((strings, setIndex) => {
      for (const whole of strings) {
        const text = whole.slice(0, INDEXED_LENGTH);
        let state = 0;
        for (let i = 0; i < text.length; i += 1) {
          const code = text.charCodeAt(i);
          if (!this.symbols.has(code)) this.symbols.set(code, this.symbols.size);
          let target = next[state]?.get(code);
          if (target === undefined) {
            target = next.length;
            next.push(new Map());
            outputs.push([]);
            next[state]?.set(code, target);
          }
          state = target;
        }
        const out = outputs[state];
        if (out && !out.includes(setIndex)) out.push(setIndex);
      }
    });
    const width = this.symbols.size;
    const table = new Int32Array(next.length * width);
    const fail = new Int32Array(next.length);
    // Breadth first: a state's missing transitions are those of its failure state (the
    // longest proper suffix that is also a state), whose row is already complete.
    const queue: number[] = [];
    for (const [code, symbol] of this.symbols) {
      const target = next[0]?.get(code);
      if (target !== undefined) {
        table[symbol] = target;
        queue.push(target);
      }
    }
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head] ?? 0;
      const failRow = (fail[state] ?? 0) * width;
      const own = outputs[state] ?? [];
      for (const setIndex of outputs[fail[state] ?? 0] ?? []) {
        if (!own.includes(setIndex)) own.push(setIndex);
      }
      for (const [code, symbol] of this.symbols) {
        const target = next[state]?.get(code);
        if (target === undefined) {
          table[state * width + symbol] = table[failRow + symbol] ?? 0;
        } else {
          table[state * width + symbol] = target;
          fail[target] = table[failRow + symbol] ?? 0;
          queue.push(target);
        }
      }
    }
    this.table = table;
    this.output = outputs.map((out) => (out.length > 0 ? out : null));
    this.asciiSymbols = new Int16Array(128).fill(-1);
    for (const [code, symbol] of this.symbols) if (code < 128) this.asciiSymbols[code] = symbol;
  }

  /** found[i] is true when some string of set i occurs in `text`. */
  find(text: string): boolean[] {
    const found = new Array<boolean>(this.size).fill(false);
    const width = this.symbols.size;
    const ascii = this.asciiSymbols;
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      const symbol = code < 128 ? (ascii[code] ?? -1) : (this.symbols.get(code) ?? -1);
      state = symbol < 0 ? 0 : (this.table[state * width + symbol] ?? 0);
      const out = this.output[state];
      if (out) for (const setIndex of out) found[setIndex] = true;
    }
    return found;
  }
}
