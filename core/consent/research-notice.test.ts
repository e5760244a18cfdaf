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

  it('says plainly what the copy holds, that it cannot be linked back, stays, and what withdrawing does', () => {
    const text = CURRENT_RESEARCH_NOTICE.text;
    for (const statement of [
      'This is a separate choice',
      'Only your answers to the scored questions',
      'Never your answers to the safety questions',
      'Never your name, your email address, your account number',
      'No exact date or time',
      'cannot be linked back to you',
      'stays in the pool if you delete your account',
      'stops new copies from then on',
      'cannot take back copies already in the pool',
    ]) {
      expect(text).toContain(statement);
    }
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
});
