/**
 * The research notice: a separate, optional consent to add an anonymous copy of Closeness
 * Check answers to the research pool, from which Closer computes how reliable each part of
 * the Check is (Cronbach's alpha and SD, PRODUCT.md section 5). Like the privacy notice, each
 * published version is kept exactly as it was shown, so a consent record always matches the
 * words the person read; to change the wording, add a version and make it current.
 *
 * Saying no changes nothing else: every feature works the same without it.
 */

export interface ResearchNotice {
  version: string;
  publishedOn: string;
  /** Markdown, rendered by the same safe renderer as the privacy notice. */
  text: string;
}

/** The `kind` of research consents in the consent ledger (the same table as health data). */
export const RESEARCH_CONSENT = 'research' as const;

export const RESEARCH_NOTICES: readonly ResearchNotice[] = [
  {
    version: '2026-11-26',
    publishedOn: '2026-11-26',
    text: `## Helping Closer measure change fairly

This is a separate choice. You can say no, and everything in Closer works just the same.

If you say yes, the first time you finish the Closeness Check we add a copy of your answers to a research pool. If we publish a new version of the Check, your first answers to it are added too. Later Checks are not. We use the pool to work out how steady each part of the Check is. That tells us when a change in your scores is big enough to be real, and not just the ups and downs of an ordinary week.

## What the copy holds

- Only your answers to the scored questions, and which version of the Check you answered.
- Never your answers to the safety questions.
- Never your name, your email address, your account number or anything you wrote.
- No exact date or time. At most the month the copy joined the pool.

## It cannot be linked back to you

Nothing in the copy says who it came from, so nobody can link it back to you. We add copies in groups of ten, in a shuffled order, so even the order they were saved in does not point to you.

Because of this:

- The copy stays in the pool if you delete your account. We could not find it to remove it.
- Saying no later stops new copies from then on. It cannot take back copies already in the pool. Copies still waiting to join a group are removed.

## Your choices

You can say yes or no at any time, in Privacy and consent.`,
  },
  {
    // The first version said nobody could link a copy back to the person. While the account
    // exists, their own saved Check holds the same answers (and notes that a copy was given),
    // so this one says what is true: no link is kept or looked for, and only deletion takes
    // away the person's own record of those answers (docs/decisions/0009).
    version: '2026-11-26.2',
    publishedOn: '2026-11-26',
    text: `## Helping Closer measure change fairly

This is a separate choice. You can say no, and everything in Closer works just the same.

If you say yes, the first time you finish the Closeness Check we add a copy of your answers to a research pool. If we publish a new version of the Check, your first answers to it are added too. Later Checks are not. We use the pool to work out how steady each part of the Check is. That tells us when a change in your scores is big enough to be real, and not just the ups and downs of an ordinary week.

## What the copy holds

- Only your answers to the scored questions, and which version of the Check you answered.
- Never your answers to the safety questions.
- Never your name, your email address, your account number or anything you wrote.
- No exact date or time. At most the month the copy joined the pool.

We never try to match a copy to a person.

## Your own Check has the same answers

While you have an account, we keep your saved Check for you. It has the same answers as the copy, and it notes that you gave a copy. It is locked with your own key, and Closer uses that key to show it to you. So while your account is open, your answers in the pool are also in your own record.

## Waiting to join the pool

A copy waits until there are ten copies. Then all ten join the pool at once, in a shuffled order. So the order they were saved in does not point to you.

While your copy waits, it is still yours:

- It is deleted if you delete your account.
- It is deleted if you say no to research.

## Once it is in the pool

- We keep no link between the pool and you, so we cannot take your copy out.
- It stays in the pool if you delete your account. Your saved Checks and the key to them are then gone, so nothing links the copy to you.
- Saying no later stops new copies from then on. It cannot take back copies already in the pool.

## Your choices

You can say yes or no at any time, in Privacy and consent. If we change these words, we add no more copies until you say yes to the new ones.`,
  },
];

/** The version people are asked to agree to now: the newest published. */
export const CURRENT_RESEARCH_NOTICE: ResearchNotice = RESEARCH_NOTICES[
  RESEARCH_NOTICES.length - 1
] as ResearchNotice;

/** Whether a recorded research consent covers the current notice. */
export function isResearchConsentCurrent(
  consent: { version: string; withdrawnAt: string | null } | null,
): boolean {
  return (
    consent !== null &&
    consent.withdrawnAt === null &&
    consent.version === CURRENT_RESEARCH_NOTICE.version
  );
}
