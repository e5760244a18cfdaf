import { describe, expect, it } from 'vitest';
import { isTopicId, TOPIC_IDS } from './topics';

describe('topics', () => {
  it('has 17 unique ids of the form kind:name', () => {
    expect(TOPIC_IDS).toHaveLength(17);
    expect(new Set(TOPIC_IDS).size).toBe(17);
    for (const id of TOPIC_IDS)
      expect(id).toMatch(/^(root|sign|strategy|pillar|therapy):[a-z]+(-[a-z]+)*$/);
  });

  it('covers the four signs, the four roots, the four strategies and the four pillars', () => {
    const count = (kind: string) => TOPIC_IDS.filter((id) => id.startsWith(`${kind}:`)).length;
    expect([
      count('sign'),
      count('root'),
      count('strategy'),
      count('pillar'),
      count('therapy'),
    ]).toEqual([4, 4, 4, 4, 1]);
  });

  it('isTopicId accepts known ids only, exactly as written', () => {
    expect(isTopicId('sign:trust')).toBe(true);
    expect(isTopicId('Sign:Trust')).toBe(false);
    expect(isTopicId(' sign:trust')).toBe(false);
    expect(isTopicId('sign:')).toBe(false);
    expect(isTopicId('toString')).toBe(false);
  });
});
