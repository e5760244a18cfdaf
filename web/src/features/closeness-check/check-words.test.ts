import { beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CLOSENESS_CHECK } from '../../../../core/assessment/closeness-check.definition';
import type { SubscaleChange } from '../../../../core/assessment/psychometrics';
import { ApiError } from '../../api/client';
import type { CheckChange, CheckDefinition, CheckDetail, CheckScores } from '../../api/types';
import { loadAllMessages } from '../../i18n';
import { isUnreadableResponse } from './check-api';
import { highestSentence, standsOut, whyNotReliable } from './check-words';

// The Check's words load with its page, after the first page (web/src/i18n.ts).
beforeAll(() => loadAllMessages());

const definition = JSON.parse(JSON.stringify(CURRENT_CLOSENESS_CHECK)) as CheckDefinition;

function scores(
  index: Record<string, number | null>,
  sign: CheckScores['highest']['sign'],
): CheckScores {
  return { index, highest: { sign, root: null } } as unknown as CheckScores;
}

const allSigns = { avoidance: 70, trust: 40, sharing: 30, anxiety: 20 };

describe('the sentence about the sign that stood out', () => {
  const trustHighest = { subscales: ['avoidance'], score: 3.5, index: 70, band: 'marked' };

  it('names it plainly when every sign has a score', () => {
    const sentence = highestSentence(
      definition,
      scores(allSigns, trustHighest as CheckScores['highest']['sign']),
      'sign',
    );
    expect(sentence).toBe('The sign that stood out most was “Avoiding closeness”.');
  });

  it('says it speaks only of the signs that could be scored when one has no score', () => {
    const sentence = highestSentence(
      definition,
      scores({ ...allSigns, anxiety: null }, trustHighest as CheckScores['highest']['sign']),
      'sign',
    );
    expect(sentence).toContain('Of the signs we could score');
    expect(sentence).toContain('“Avoiding closeness”');
  });

  it('does not say every sign is less of a difficulty when one could not be scored', () => {
    const low = { subscales: ['avoidance'], score: 1, index: 10, band: 'lower' };
    const sentence = highestSentence(
      definition,
      scores({ ...allSigns, anxiety: null }, low as CheckScores['highest']['sign']),
      'sign',
    );
    expect(sentence).toContain('None of the signs we could score stood out.');
  });

  it('calls the scored signs all the same when they tie, and singles nothing out', () => {
    const tie = { subscales: ['avoidance', 'trust', 'sharing'], score: 3, index: 60, band: 'some' };
    const partial = scores({ ...allSigns, anxiety: null }, tie as CheckScores['highest']['sign']);
    expect(highestSentence(definition, partial, 'sign')).toContain('The signs we could score');
    expect(standsOut(definition, partial, 'sign')).toBe(false);
  });
});

function part(reason: SubscaleChange['reason']): SubscaleChange {
  return {
    before: 2,
    after: 3,
    difference: 1,
    direction: 'up',
    rci: null,
    criticalDifference: null,
    reliable: false,
    label: 'not-assessed',
    reason,
  } as SubscaleChange;
}

describe('why a change is not called reliable', () => {
  it('gives the true reason for each part, not always the one about 100 people', () => {
    const change = { avoidance: part('score-missing') } as unknown as CheckChange;
    expect(whyNotReliable(change)).toEqual(['check.change.whyNotMissing']);
  });

  it('says steadiness is unknown when the shared answers do not vary enough', () => {
    const change = {
      avoidance: part('no-variance'),
      trust: part('alpha-not-positive'),
      sharing: part('too-few-responses'),
    } as unknown as CheckChange;
    expect(whyNotReliable(change)).toEqual([
      'check.change.whyNot',
      'check.change.whyNotSteadiness',
    ]);
  });

  it('says nothing here for a change of version (said on its own) or a first Check', () => {
    const change = { avoidance: part('different-versions') } as unknown as CheckChange;
    expect(whyNotReliable(change)).toEqual([]);
    expect(whyNotReliable(null)).toEqual([]);
  });
});

describe('a damaged Check response', () => {
  it('is recognised from the flag the server sends, or from its error', () => {
    expect(isUnreadableResponse({ unreadable: true } as CheckDetail, null)).toBe(true);
    expect(
      isUnreadableResponse(undefined, new ApiError(500, 'ciphertext_invalid', 'Damaged')),
    ).toBe(true);
    expect(isUnreadableResponse(undefined, new ApiError(500, 'internal_error', 'Oops'))).toBe(
      false,
    );
    expect(isUnreadableResponse({ unreadable: false } as CheckDetail, null)).toBe(false);
  });
});
