/**
 * The privacy notice a person agrees to before any health question. Each published version
 * is kept exactly as it was shown, so a consent record can always be matched to the words
 * the person read. To change the wording, add a new version and make it current: everyone
 * is then asked to read and agree again.
 */

export interface PrivacyNotice {
  version: string;
  publishedOn: string;
  /** Markdown, rendered by the same safe renderer as the learning library. */
  text: string;
}

export const HEALTH_DATA_CONSENT = 'health-data' as const;

export const PRIVACY_NOTICES: readonly PrivacyNotice[] = [
  {
    version: '2026-11-25',
    publishedOn: '2026-11-25',
    text: `## What we ask for

Closer will ask about things that are personal. This includes how you feel, how close you feel to people, and what you write in exercises. The law calls this **health information**. It needs extra care, so we ask for your clear agreement first.

## Why we use it

We use it only to run Closer for you: to show your results, build your plan and show your progress. We do not use it for adverts. We never sell it.

## Who can see it

Only you. Nobody else can see it unless you choose to share it, for example with a therapist or a partner. You decide what they see and for how long. You can stop sharing at any time, and you can see a list of every time they looked.

If you write something that suggests you may be in danger, Closer will show you where to get help straight away. It does not tell anyone else.

## How we keep it safe

Your password is stored in a scrambled form that cannot be turned back. Closer makes no requests to other websites, so no other company sees what you do here. The people who run this Closer service are responsible for keeping it safe.

## Your choices

- You can withdraw this consent at any time with one click. Health features stop at once, and you can agree again later.
- You can download everything we hold about you.
- You can delete your account. Your information is then removed for good.

## If you are under 16

Please talk to a trusted adult before using Closer, or ask a doctor or school counsellor for help.`,
  },
];

/** The version people are asked to agree to now: the newest published. */
export const CURRENT_PRIVACY_NOTICE: PrivacyNotice = PRIVACY_NOTICES[
  PRIVACY_NOTICES.length - 1
] as PrivacyNotice;

/** Whether a recorded consent covers the current notice. */
export function isConsentCurrent(
  consent: { version: string; withdrawnAt: string | null } | null,
): boolean {
  return (
    consent !== null &&
    consent.withdrawnAt === null &&
    consent.version === CURRENT_PRIVACY_NOTICE.version
  );
}
