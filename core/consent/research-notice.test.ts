import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../content/markdown';
import { HEALTH_DATA_CONSENT } from './privacy-notice';
import {
  CURRENT_RESEARCH_NOTICE,
  isResearchConsentCurrent,
  RESEARCH_CONSENT,
  RESEARCH_NOTICES,
} from './research-notice';

describe('research notices', () => {
  it('is a consent kind of its own, apart from the health-data consent', () => {
    expect(RESEARCH_CONSENT).toBe('research');
    expect(RESEARCH_CONSENT).not.toBe(HEALTH_DATA_CONSENT);
  });

  it('has unique versions on real dates, oldest first, the newest current', () => {
    const versions = RESEARCH_NOTICES.map((notice) => notice.version);
    expect(new Set(versions).size).toBe(versions.length);
    for (const notice of RESEARCH_NOTICES) {
      expect(new Date(`${notice.publishedOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
        notice.publishedOn,
      );
    }
    const dates = RESEARCH_NOTICES.map((notice) => notice.publishedOn);
    expect(dates).toEqual([...dates].sort());
    expect(CURRENT_RESEARCH_NOTICE).toBe(RESEARCH_NOTICES[RESEARCH_NOTICES.length - 1]);
  });

  it('renders with the safe Markdown parser: sections and lists, no level-1 heading', () => {
    expect(CURRENT_RESEARCH_NOTICE.text).not.toMatch(/^# /m);
    const blocks = parseMarkdown(CURRENT_RESEARCH_NOTICE.text);
    expect(blocks.filter((block) => block.type === 'heading').length).toBeGreaterThanOrEqual(3);
    expect(blocks.some((block) => block.type === 'list')).toBe(true);
  });

  it('says plainly what the copy holds, that the person’s own Check holds the same answers, what is deleted and what stays', () => {
    const text = CURRENT_RESEARCH_NOTICE.text;
    for (const statement of [
      'This is a separate choice',
      'Only your answers to the scored questions',
      'Never your answers to the safety questions',
      'Never your name, your email address, your account number',
      'No exact date or time',
      'We never try to match a copy to a person',
      // While the account exists, the saved Check holds the same answers and notes the copy.
      'It has the same answers as the copy, and it notes that you gave a copy',
      'your answers in the pool are also in your own record',
      // The queue of ten: still the person's, deleted with the account or the consent.
      'A copy waits until there are ten copies',
      'It is deleted if you delete your account',
      'It is deleted if you say no to research',
      // In the pool: no link kept, so it stays.
      'We keep no link between the pool and you, so we cannot take your copy out',
      'stays in the pool if you delete your account',
      'stops new copies from then on',
      'cannot take back copies already in the pool',
      'we add no more copies until you say yes to the new ones',
    ]) {
      expect(text).toContain(statement);
    }
  });

  it('no longer claims what is not true while the account exists', () => {
    const text = CURRENT_RESEARCH_NOTICE.text;
    expect(text).not.toMatch(/cannot be linked back|link it back|could not find it/i);
  });

  it('keeps the earlier notice exactly as it was shown: consent records name the words read', () => {
    expect(RESEARCH_NOTICES.length).toBeGreaterThanOrEqual(2);
    const first = RESEARCH_NOTICES[0];
    expect(first?.version).toBe('2026-11-26');
    expect(first?.text).toContain('It cannot be linked back to you');
    expect(first).not.toBe(CURRENT_RESEARCH_NOTICE);
  });
});

describe('isResearchConsentCurrent', () => {
  const current = CURRENT_RESEARCH_NOTICE.version;

  it('is true only for an open consent to the current version', () => {
    expect(isResearchConsentCurrent({ version: current, withdrawnAt: null })).toBe(true);
    expect(isResearchConsentCurrent(null)).toBe(false);
    expect(
      isResearchConsentCurrent({ version: current, withdrawnAt: '2026-12-01T10:00:00.000Z' }),
    ).toBe(false);
    expect(isResearchConsentCurrent({ version: '2000-01-01', withdrawnAt: null })).toBe(false);
  });

  it('is false for a consent to an earlier notice: nobody is moved to new words unasked', () => {
    for (const notice of RESEARCH_NOTICES.slice(0, -1)) {
      expect(isResearchConsentCurrent({ version: notice.version, withdrawnAt: null })).toBe(false);
    }
  });
});
