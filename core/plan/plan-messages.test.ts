import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORED_SUBSCALE_IDS } from '../assessment/closeness-check.definition';
import { createTranslator } from '../i18n/translate';
import { enGB } from '../i18n/en-GB';
import { NEED_PHRASES, needPhrases } from './need-words';
import {
  capitalised,
  message,
  needMessage,
  needsMessage,
  renderPlanMessage,
  sentences,
} from './plan-messages';

describe('plan messages', () => {
  it('names each sign and root as the planner always has', () => {
    for (const id of SCORED_SUBSCALE_IDS)
      expect(renderPlanMessage(needMessage(id))).toBe(NEED_PHRASES[id]);
  });

  it('joins any list of needs as before: a comma before the last "and"', () => {
    fc.assert(
      fc.property(fc.subarray([...SCORED_SUBSCALE_IDS]), (ids) => {
        expect(renderPlanMessage(needsMessage(ids))).toBe(needPhrases(ids));
      }),
    );
  });

  it('renders nested values, capitalises on request and joins sentences with a space', () => {
    const text = sentences(
      message('plan.reason.another', { need: capitalised(needMessage('trust')), exercise: 'x' }),
      message('plan.note.helpful'),
    );
    expect(renderPlanMessage(text)).toBe(
      'Here is another way to work on Finding it hard to trust: x. You found it helpful last time.',
    );
  });

  it('renders with the translate it is given, so the app can use its own words', () => {
    const translate = createTranslator({ ...enGB, 'plan.need.trust': 'trust words' });
    expect(renderPlanMessage(needsMessage(['trust', 'sharing']), translate)).toBe(
      'trust words, and sharing your thoughts and feelings',
    );
  });

  it('reads an old plain-text reason as it is, and anything else as empty, never throwing', () => {
    expect(renderPlanMessage('An old reason.')).toBe('An old reason.');
    expect(renderPlanMessage(message('plan.legacy', { text: 'An old reason.' }))).toBe(
      'An old reason.',
    );
    expect(renderPlanMessage({ key: 'no.such.key' } as never)).toBe('');
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ key: fc.string(), values: fc.object() })),
        (value) => {
          expect(typeof renderPlanMessage(value as never)).toBe('string');
        },
      ),
    );
  });
});
