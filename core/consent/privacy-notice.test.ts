import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../content/markdown';
import {
  CURRENT_PRIVACY_NOTICE,
  HEALTH_DATA_CONSENT,
  isConsentCurrent,
  PRIVACY_NOTICES,
} from './privacy-notice';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('privacy notices', () => {
  it('names the health-data consent purpose', () => {
    expect(HEALTH_DATA_CONSENT).toBe('health-data');
  });

  it('has unique versions, each published on a real date, listed oldest first', () => {
    const versions = PRIVACY_NOTICES.map((notice) => notice.version);
    expect(new Set(versions).size).toBe(versions.length);
    for (const notice of PRIVACY_NOTICES) {
      expect(notice.publishedOn).toMatch(ISO_DATE);
      expect(new Date(`${notice.publishedOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
        notice.publishedOn,
      );
    }
    const dates = PRIVACY_NOTICES.map((notice) => notice.publishedOn);
    expect(dates).toEqual([...dates].sort());
  });

  it('makes the newest notice the current one', () => {
    const newest = PRIVACY_NOTICES.reduce((latest, notice) =>
      notice.publishedOn > latest.publishedOn ? notice : latest,
    );
    expect(CURRENT_PRIVACY_NOTICE).toBe(newest);
    expect(CURRENT_PRIVACY_NOTICE).toBe(PRIVACY_NOTICES[PRIVACY_NOTICES.length - 1]);
  });

  it('renders the current notice with the safe Markdown parser: sections, a list, no level-1 heading', () => {
    expect(CURRENT_PRIVACY_NOTICE.text).not.toMatch(/^# /m);
    const blocks = parseMarkdown(CURRENT_PRIVACY_NOTICE.text);
    const headings = blocks.filter((block) => block.type === 'heading');
    expect(headings.length).toBeGreaterThanOrEqual(4);
    expect(blocks.some((block) => block.type === 'list')).toBe(true);
  });

  it('tells people the things the product promises: withdrawal, export, deletion, no selling', () => {
    const text = CURRENT_PRIVACY_NOTICE.text.toLowerCase();
    for (const promise of ['withdraw', 'download', 'delete', 'never sell'])
      expect(text).toContain(promise);
  });
});

describe('isConsentCurrent', () => {
  const current = CURRENT_PRIVACY_NOTICE.version;

  it('is true for a consent to the current version that has not been withdrawn', () => {
    expect(isConsentCurrent({ version: current, withdrawnAt: null })).toBe(true);
  });

  it('is false with no consent at all', () => {
    expect(isConsentCurrent(null)).toBe(false);
  });

  it('is false once the consent is withdrawn', () => {
    expect(isConsentCurrent({ version: current, withdrawnAt: '2026-12-01T10:00:00.000Z' })).toBe(
      false,
    );
    expect(isConsentCurrent({ version: current, withdrawnAt: '' })).toBe(false);
  });

  it('is false for an older or unknown version, so people read and agree again', () => {
    expect(isConsentCurrent({ version: '2000-01-01', withdrawnAt: null })).toBe(false);
    expect(isConsentCurrent({ version: `${current} `, withdrawnAt: null })).toBe(false);
    expect(isConsentCurrent({ version: '', withdrawnAt: null })).toBe(false);
  });
});
