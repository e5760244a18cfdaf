/**
 * The help lines Closer shows. A wrong number in a crisis is a real harm, so every number
 * here was copied from the project's checked list of safety resources (which records how
 * each was verified) and carries the month it was last checked. Add a region only with
 * numbers checked the same way.
 *
 * Within a region, lines are in the order a person in crisis should see them: the emergency
 * number first, then the 24/7 crisis line, then text options, then other routes.
 */

export type RegionCode = 'GB' | 'US' | 'CA' | 'AU';

/** What a line is for; the i18n layer holds the words for each. */
export type HelpNeed =
  | 'emergency'
  | 'crisis'
  | 'crisis-text'
  | 'urgent'
  | 'domestic-abuse'
  | 'domestic-abuse-women'
  | 'domestic-abuse-men'
  | 'child-worry'
  | 'young-people'
  | 'sexual-violence';

export type HelpGroup = 'crisis' | 'safeguarding';

export interface ContactMethod {
  kind: 'call' | 'text';
  /** Digits as people dial them, spaced for reading. */
  number: string;
  /** For text lines, the word to send. */
  keyword?: string;
}

export interface HelpLine {
  id: string;
  group: HelpGroup;
  need: HelpNeed;
  /** The service's own name; a proper noun, so not translated. */
  service: string;
  contacts: ContactMethod[];
  /** i18n key of a short note (hours, cost), if any. */
  noteKey?: string;
  lastChecked: string;
}

export interface HelpRegion {
  code: RegionCode;
  lines: HelpLine[];
}

const CHECKED = '2026-11';

export const HELP_REGIONS: readonly HelpRegion[] = [
  {
    code: 'GB',
    lines: [
      line('gb-999', 'crisis', 'emergency', 'Emergency services', [call('999')]),
      line(
        'gb-samaritans',
        'crisis',
        'crisis',
        'Samaritans',
        [call('116 123')],
        'help.note.free247',
      ),
      line(
        'gb-shout',
        'crisis',
        'crisis-text',
        'Shout',
        [text('85258', 'SHOUT')],
        'help.note.free247',
      ),
      line('gb-nhs-111', 'crisis', 'urgent', 'NHS 111', [call('111')]),
      line(
        'gb-refuge',
        'safeguarding',
        'domestic-abuse-women',
        'National Domestic Abuse Helpline (Refuge)',
        [call('0808 2000 247')],
        'help.note.free247',
      ),
      line('gb-respect', 'safeguarding', 'domestic-abuse-men', "Men's Advice Line (Respect)", [
        call('0808 801 0327'),
      ]),
      line(
        'gb-nspcc',
        'safeguarding',
        'child-worry',
        'NSPCC Helpline',
        [call('0808 800 5000')],
        'help.note.childDanger999',
      ),
      line(
        'gb-childline',
        'safeguarding',
        'young-people',
        'Childline',
        [call('0800 1111')],
        'help.note.free',
      ),
    ],
  },
  {
    code: 'US',
    lines: [
      line('us-911', 'crisis', 'emergency', 'Emergency services', [call('911')]),
      line('us-988', 'crisis', 'crisis', '988 Suicide & Crisis Lifeline', [
        call('988'),
        text('988'),
      ]),
      line('us-ndvh', 'safeguarding', 'domestic-abuse', 'National Domestic Violence Hotline', [
        call('1-800-799-7233'),
        text('88788', 'START'),
      ]),
      line(
        'us-childhelp',
        'safeguarding',
        'child-worry',
        'Childhelp National Child Abuse Hotline',
        [call('1-800-422-4453'), text('1-800-422-4453')],
        'help.note.childhelp',
      ),
      line('us-rainn', 'safeguarding', 'sexual-violence', 'RAINN National Sexual Assault Hotline', [
        call('1-800-656-4673'),
      ]),
    ],
  },
  {
    code: 'CA',
    lines: [
      line('ca-911', 'crisis', 'emergency', 'Emergency services', [call('911')]),
      line(
        'ca-988',
        'crisis',
        'crisis',
        '988 Suicide Crisis Helpline',
        [call('988'), text('988')],
        'help.note.englishFrench247',
      ),
      line('ca-childhelp', 'safeguarding', 'child-worry', 'Childhelp', [call('1-800-422-4453')]),
    ],
  },
  {
    code: 'AU',
    lines: [
      line('au-000', 'crisis', 'emergency', 'Emergency services', [call('000')]),
      line('au-lifeline', 'crisis', 'crisis', 'Lifeline', [call('13 11 14')], 'help.note.open247'),
    ],
  },
];

export const DEFAULT_REGION: RegionCode = 'GB';

const REGION_CODES: ReadonlySet<string> = new Set(HELP_REGIONS.map((region) => region.code));

export function isRegionCode(value: string): value is RegionCode {
  return REGION_CODES.has(value);
}

/** The help lines of a region; an unknown code falls back to the default region. */
export function helpRegion(code: string): HelpRegion {
  return (
    HELP_REGIONS.find((region) => region.code === code) ??
    (HELP_REGIONS.find((region) => region.code === DEFAULT_REGION) as HelpRegion)
  );
}

/**
 * The person's region: their own setting, else the first browser locale with a region we
 * know (en-US → US, fr-CA → CA), else the United Kingdom.
 */
export function resolveRegion(
  setting: string | null | undefined,
  locales: readonly string[],
): RegionCode {
  if (setting && isRegionCode(setting.toUpperCase())) return setting.toUpperCase() as RegionCode;
  for (const locale of locales) {
    const region = /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})\b/i.exec(locale)?.[1]?.toUpperCase();
    if (region === 'UK') return 'GB';
    if (region && isRegionCode(region)) return region;
  }
  return DEFAULT_REGION;
}

/** A dialable `tel:` or `sms:` address for a contact method. */
export function contactHref(contact: ContactMethod): string {
  const digits = contact.number.replace(/[^\d+]/g, '');
  if (contact.kind === 'call') return `tel:${digits}`;
  return contact.keyword
    ? `sms:${digits}?&body=${encodeURIComponent(contact.keyword)}`
    : `sms:${digits}`;
}

function line(
  id: string,
  group: HelpGroup,
  need: HelpNeed,
  service: string,
  contacts: ContactMethod[],
  noteKey?: string,
): HelpLine {
  return {
    id,
    group,
    need,
    service,
    contacts,
    lastChecked: CHECKED,
    ...(noteKey ? { noteKey } : {}),
  };
}

function call(number: string): ContactMethod {
  return { kind: 'call', number };
}

function text(number: string, keyword?: string): ContactMethod {
  return keyword ? { kind: 'text', number, keyword } : { kind: 'text', number };
}
