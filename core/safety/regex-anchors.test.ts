import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredSubstrings, SubstringIndex } from './regex-anchors';
import { assessRisk, assessRiskWithoutPrecheck } from './risk';
import { RISK_TEST_PHRASES } from './risk-phrases';

describe('requiredSubstrings', () => {
  it('finds the words every match must contain', () => {
    expect(requiredSubstrings(/\bwant (?:to )?die\b/)?.sort()).toEqual(
      ['want to die', 'want die'].sort(),
    );
    expect(requiredSubstrings(/(?:kill|hurt) myself/)?.sort()).toEqual([
      'hurt myself',
      'kill myself',
    ]);
    expect(requiredSubstrings(/(?=x)yz/)).toEqual(['yz']);
    expect(requiredSubstrings(/ab{2}c/)).toEqual(['abbc']);
    expect(requiredSubstrings(/\bno (?:[a-z]+ ){0,3}hope\b/)).toEqual(['hope']);
    expect(requiredSubstrings(/a\|b/)).toEqual(['a|b']);
  });

  it('answers null whenever a match might contain nothing it can name', () => {
    expect(requiredSubstrings(/a|b*/)).toBeNull();
    expect(requiredSubstrings(/\d+/)).toBeNull();
    expect(requiredSubstrings(/[^|]+/)).toBeNull();
    expect(requiredSubstrings(/(?:)/)).toBeNull();
    expect(requiredSubstrings(/(a)\1/)).toBeNull();
    // Case-insensitive patterns cannot be pre-checked with plain substrings.
    expect(requiredSubstrings(/abc/i)).toBeNull();
  });

  it('is sound: any string a random pattern matches contains one of its strings', () => {
    const atom: fc.Arbitrary<string> = fc.oneof(
      fc.constantFrom('a', 'b', ' ', 'ab', 'ba', '\\b', '[ab]', '[^a]', '\\w', '.', '\\|'),
      fc.constantFrom('(?=a)', '(?!b)', '$', '^'),
    );
    const pattern: fc.Arbitrary<string> = fc.letrec<{ expr: string; term: string; seq: string }>(
      (tie) => ({
        term: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          atom,
          fc
            .tuple(tie('expr'), fc.constantFrom('', '?', '*', '+', '{2}', '{0,2}', '{1,3}', '??'))
            .map(([inner, quantifier]) => `(?:${inner})${quantifier}`),
        ),
        seq: fc.array(tie('term'), { minLength: 1, maxLength: 4 }).map((terms) => terms.join('')),
        expr: fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((alts) => alts.join('|')),
      }),
    ).expr;
    fc.assert(
      fc.property(
        pattern,
        fc.array(fc.stringMatching(/^[ab |]{0,12}$/), { maxLength: 8 }),
        (source, texts) => {
          const regex = new RegExp(source);
          const anchors = requiredSubstrings(regex);
          if (anchors === null) return;
          for (const text of texts) {
            if (regex.test(text))
              expect(anchors.some((anchor) => text.includes(anchor))).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('SubstringIndex', () => {
  it('finds the same sets as a plain search', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.stringMatching(/^[abc]{1,4}$/), { maxLength: 4 }), { maxLength: 6 }),
        fc.stringMatching(/^[abcd]{0,30}$/),
        (sets, text) => {
          const found = new SubstringIndex(sets).find(text);
          expect(found).toEqual(sets.map((strings) => strings.some((s) => text.includes(s))));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the risk pre-check', () => {
  it('changes no result on any labelled phrase', () => {
    for (const { text } of RISK_TEST_PHRASES) {
      expect(assessRisk(text), text).toEqual(assessRiskWithoutPrecheck(text));
    }
  });

  it('changes no result on random texts built from risk words', () => {
    const words = [
      'i',
      'want',
      'to',
      'die',
      'kill',
      'myself',
      'not',
      'never',
      'he',
      'hits',
      'me',
      'my',
      'partner',
      'pills',
      'all',
      'take',
      'end',
      'it',
      'hopeless',
      'feel',
      'so',
      'alone',
      'cut',
      'wrists',
      'scared',
      'of',
      'him',
      'child',
      'hurt',
      'the',
      'baby',
      'made',
      'sex',
      'no',
      'point',
      'living',
      'better',
      'off',
      'dead',
      'years',
      'ago',
      'suicide',
      'would',
      'be',
      'tonight',
      'rope',
      'bridge',
      'jump',
      'off',
      'won\u2019t',
      'let',
      'see',
      'friends',
      '.',
      ',',
      'and',
      'but',
      'k1ll',
      'sooo',
      'depressed',
      'burden',
      'threatened',
      'phone',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (chosen) => {
        const text = chosen.join(' ');
        expect(assessRisk(text)).toEqual(assessRiskWithoutPrecheck(text));
      }),
      { numRuns: 1500 },
    );
  });
});
