import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contactHref,
  DEFAULT_REGION,
  HELP_REGIONS,
  helpRegion,
  isRegionCode,
  resolveRegion,
  type HelpLine,
} from './help-lines';

describe('resolveRegion', () => {
  it('uses the person’s own setting before any locale, in any case', () => {
    expect(resolveRegion('AU', ['en-US'])).toBe('AU');
    expect(resolveRegion('ca', ['en-GB'])).toBe('CA');
    expect(resolveRegion('US', [])).toBe('US');
  });

  it('ignores an empty or unknown setting and falls back to the locales', () => {
    expect(resolveRegion(null, ['en-US'])).toBe('US');
    expect(resolveRegion(undefined, ['en-US'])).toBe('US');
    expect(resolveRegion('', ['en-US'])).toBe('US');
    expect(resolveRegion('FR', ['en-US'])).toBe('US');
  });

  it.each([
    ['en-US', 'US'],
    ['es-US', 'US'],
    ['fr-CA', 'CA'],
    ['en-CA', 'CA'],
    ['en-AU', 'AU'],
    ['en-GB', 'GB'],
    ['cy-GB', 'GB'],
    ['en-UK', 'GB'],
    ['en-us', 'US'],
    ['zh-Hans-AU', 'AU'],
    ['en', 'GB'],
    ['fr', 'GB'],
    ['fr-FR', 'GB'],
    ['de-DE', 'GB'],
    ['en-USA', 'GB'],
    ['en_US', 'GB'],
    ['', 'GB'],
  ])('maps the locale %j to %s', (locale, region) => {
    expect(resolveRegion(null, [locale])).toBe(region);
  });

  it('takes the first locale with a known region', () => {
    expect(resolveRegion(null, ['fr-FR', 'en', 'en-CA', 'en-US'])).toBe('CA');
    expect(resolveRegion(null, ['en-GB', 'en-US'])).toBe('GB');
  });

  it('defaults to the United Kingdom', () => {
    expect(DEFAULT_REGION).toBe('GB');
    expect(resolveRegion(null, [])).toBe('GB');
  });

  it('property: always returns a region Closer has numbers for', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 6 })),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
        (setting, locales) => {
          expect(isRegionCode(resolveRegion(setting, locales))).toBe(true);
        },
      ),
    );
  });

  it('property: a known setting always wins', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HELP_REGIONS.map((region) => region.code)),
        fc.array(fc.string(), { maxLength: 4 }),
        (code, locales) => {
          expect(resolveRegion(code.toLowerCase(), locales)).toBe(code);
        },
      ),
    );
  });
});

describe('helpRegion', () => {
  it('returns the region asked for, or the United Kingdom for an unknown code', () => {
    expect(helpRegion('US').code).toBe('US');
    expect(helpRegion('XX').code).toBe('GB');
    expect(helpRegion('').code).toBe('GB');
  });
});

describe('the help-line table', () => {
  const index = (lines: HelpLine[], predicate: (line: HelpLine) => boolean) =>
    lines.findIndex(predicate);

  it('has the United Kingdom, United States, Canada and Australia, once each', () => {
    expect(HELP_REGIONS.map((region) => region.code).sort()).toEqual(['AU', 'CA', 'GB', 'US']);
  });

  it('has unique line ids', () => {
    const ids = HELP_REGIONS.flatMap((region) => region.lines.map((line) => line.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(HELP_REGIONS.map((region) => [region.code, region] as const))(
    '%s: the emergency number comes first, then the crisis line, then text lines',
    (_code, region) => {
      const { lines } = region;
      expect(lines[0]?.need).toBe('emergency');
      expect(lines.filter((line) => line.need === 'emergency')).toHaveLength(1);

      const crisis = index(lines, (line) => line.need === 'crisis');
      expect(crisis).toBe(1);
      expect(lines[crisis]?.group).toBe('crisis');
      expect(lines[crisis]?.contacts.some((contact) => contact.kind === 'call')).toBe(true);

      const textOnly = lines.filter((line) =>
        line.contacts.every((contact) => contact.kind === 'text'),
      );
      for (const line of textOnly) expect(lines.indexOf(line)).toBeGreaterThan(crisis);
      const crisisText = index(lines, (line) => line.need === 'crisis-text');
      if (crisisText !== -1) expect(crisisText).toBeGreaterThan(crisis);

      // Crisis lines come before safeguarding lines.
      const lastCrisis = lines.map((line) => line.group).lastIndexOf('crisis');
      const firstSafeguarding = lines.findIndex((line) => line.group === 'safeguarding');
      if (firstSafeguarding !== -1) expect(firstSafeguarding).toBeGreaterThan(lastCrisis);
    },
  );

  it('lists a phone call before a text within each line', () => {
    for (const line of HELP_REGIONS.flatMap((region) => region.lines)) {
      const kinds = line.contacts.map((contact) => contact.kind);
      expect(kinds.length).toBeGreaterThan(0);
      expect([...kinds].sort()).toEqual(kinds);
    }
  });

  it('gives every line a last-checked month and a service name', () => {
    for (const line of HELP_REGIONS.flatMap((region) => region.lines)) {
      expect(line.lastChecked, line.id).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
      expect(line.service.trim(), line.id).not.toBe('');
    }
  });

  it('uses numbers made of digits, spaces and dashes only', () => {
    for (const contact of HELP_REGIONS.flatMap((region) =>
      region.lines.flatMap((line) => line.contacts),
    )) {
      expect(contact.number).toMatch(/^\d[\d -]*\d$/);
    }
  });

  it('shows the numbers the product brief promises for the United Kingdom and North America', () => {
    const numbers = (code: string) =>
      helpRegion(code).lines.flatMap((line) =>
        line.contacts.map((contact) => `${contact.kind} ${contact.number}`),
      );
    expect(numbers('GB')).toEqual(
      expect.arrayContaining(['call 999', 'call 111', 'call 116 123', 'text 85258']),
    );
    expect(numbers('US')).toEqual(expect.arrayContaining(['call 911', 'call 988', 'text 988']));
    expect(numbers('CA')).toEqual(expect.arrayContaining(['call 911', 'call 988', 'text 988']));
  });
});

describe('contactHref', () => {
  it('dials calls with tel: and digits only', () => {
    expect(contactHref({ kind: 'call', number: '116 123' })).toBe('tel:116123');
    expect(contactHref({ kind: 'call', number: '1-800-799-7233' })).toBe('tel:18007997233');
  });

  it('texts with sms:, adding the keyword as the message body', () => {
    expect(contactHref({ kind: 'text', number: '988' })).toBe('sms:988');
    expect(contactHref({ kind: 'text', number: '85258', keyword: 'SHOUT' })).toBe(
      'sms:85258?&body=SHOUT',
    );
    expect(contactHref({ kind: 'text', number: '1', keyword: 'A B&C' })).toBe(
      'sms:1?&body=A%20B%26C',
    );
  });

  it('gives every line in the table a tel: or sms: address with digits only', () => {
    for (const contact of HELP_REGIONS.flatMap((region) =>
      region.lines.flatMap((line) => line.contacts),
    )) {
      const href = contactHref(contact);
      if (contact.kind === 'call') expect(href).toMatch(/^tel:\d+$/);
      else expect(href).toMatch(/^sms:\d+(\?&body=[A-Z]+)?$/);
      expect(href.replace(/^(tel|sms):/, '').replace(/\?.*$/, '')).toBe(
        contact.number.replace(/\D/g, ''),
      );
    }
  });
});
