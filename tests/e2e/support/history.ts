import type { Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import { addDays } from '../../../core/plan/week';
import type { Clock } from '../../../server/src/services/clock';
import { TestClient } from '../../support/http-client';
import { signUpWithConsent, writeEntry } from '../../support/personal-data';
import type { RunningServer } from './browser';
import { closenessCheckAnswers } from './journeys';

/**
 * A person with history, for the journeys that read it back (progress, the session report):
 * check-ins on six days across two weeks, two Closeness Checks, a finished step of that
 * week's plan, a closeness-ladder go and, when asked, journal entries. The history is seeded
 * through the real API while the server's clock is set to each earlier day (the clock is the
 * app's only source of time, so every record is made exactly as it would have been then);
 * the clock then goes back to real time. Also: a table's rows as text, a day as the tables
 * write it, and a page printed to PDF as Chromium prints it, read back as text.
 */

/** Real time, unless a seeding step has set a moment. */
export class SeedingClock implements Clock {
  private fixed: Date | null = null;
  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }
  set(moment: Date | null): void {
    this.fixed = moment;
  }
}

/** The time zone the history is seeded in (and the browser should use). */
export const HISTORY_ZONE = 'Europe/London';

const CHECK = '/api/assessments/closeness-check/responses';
const LADDER = '/api/exercises/closeness-ladder/entries';

/**
 * Closeness each day, days before today → ratings. The 7-day averages are whole numbers, worked
 * out by hand: 2; 3 (2, 4); 4 (2, 4, 6); 5 (4, 6, 5); 6 (6, 5, 7); 7 (5, 7, 9). Mood and
 * stress are 5 at every check-in.
 */
export const CLOSENESS: readonly (readonly [number, number[]])[] = [
  [10, [2]],
  [9, [4]],
  [8, [6]],
  [3, [5]],
  [2, [6, 8]],
  [0, [9]],
];

/** The closeness table's rows: days before today, that day's value, the 7-day average. */
export const CLOSENESS_ROWS = [
  [10, '2', '2'],
  [9, '4', '3'],
  [8, '6', '4'],
  [3, '5', '5'],
  [2, '7', '6'],
  [0, '9', '7'],
] as const;

/** Days before today on which the two Checks are taken. */
export const CHECK_DAYS = [9, 2] as const;

export interface SeededHistory {
  person: { login: string; password: string };
  /** How many steps the plan had in the week of its finished step (nine days ago). */
  plannedThatWeek: number;
}

/**
 * Seeds the history for a new person, `today` being the day in HISTORY_ZONE the test treats
 * as today. `journal` entries are written at midday the given number of days before today.
 * The first Check (nine days ago) answers trust and sharing as hard as it gets; the second
 * (two days ago) answers trust in the middle, everything else as easiest.
 */
export async function seedHistory(
  server: RunningServer,
  clock: SeedingClock,
  today: string,
  options: { journal?: readonly (readonly [number, string])[] } = {},
): Promise<SeededHistory> {
  // Midday of an earlier day (12:00 or 13:00 in London): safely inside that day.
  const midday = (daysBefore: number) => new Date(`${addDays(today, -daysBefore)}T12:00:00Z`);
  const client = new TestClient(server.app);
  const journal = options.journal ?? [];
  const days = [
    ...new Set([...CLOSENESS.map(([days]) => days), ...journal.map(([days]) => days)]),
  ].sort((a, b) => b - a);
  let plannedThatWeek = 0;
  clock.set(midday(11));
  const person = await signUpWithConsent(client);
  const at = async (daysBefore: number) => {
    clock.set(daysBefore === 0 ? null : midday(daysBefore));
    const login = await client.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(login.status, login.text).toBe(200);
  };
  try {
    for (const daysBefore of days) {
      await at(daysBefore);
      const ratings = CLOSENESS.find(([days]) => days === daysBefore)?.[1] ?? [];
      for (const closeness of ratings) {
        const saved = await client.post('/api/checkins', {
          mood: 5,
          closeness,
          stress: 5,
          timeZone: HISTORY_ZONE,
        });
        expect(saved.status, saved.text).toBe(201);
      }
      if (daysBefore === CHECK_DAYS[0] || daysBefore === CHECK_DAYS[1]) {
        const answers =
          daysBefore === CHECK_DAYS[0]
            ? closenessCheckAnswers({ hardest: ['trust', 'sharing'] })
            : closenessCheckAnswers({ middle: ['trust'] });
        const check = await client.post(CHECK, { answers });
        expect(check.status, check.text.slice(0, 300)).toBe(201);
      }
      if (daysBefore === 9) {
        // That week's plan, and its first step finished.
        const plan = await client.get(`/api/plan?timeZone=${encodeURIComponent(HISTORY_ZONE)}`);
        expect(plan.status, plan.text.slice(0, 300)).toBe(200);
        const exerciseId = plan.body.steps[0].exerciseId as string;
        plannedThatWeek = plan.body.steps.length as number;
        const base = `/api/exercises/${exerciseId}/entries`;
        const created = await client.post(base, { values: {} });
        expect(created.status, created.text.slice(0, 300)).toBe(201);
        const done = await client.post(`${base}/${created.body.entry.id}/complete`, {
          distress: 3,
          helpful: 7,
        });
        expect(done.status, done.text.slice(0, 300)).toBe(200);
      }
      if (daysBefore === 2) {
        const created = await client.post(LADDER, {
          values: {
            ladder: { rungs: [{ step: 'Say good morning to Sam', expected: 60 }] },
            before: { rung: 'Say good morning to Sam', predicted: 60 },
            after: { actual: 30 },
          },
        });
        expect(created.status, created.text.slice(0, 300)).toBe(201);
        const done = await client.post(`${LADDER}/${created.body.entry.id}/complete`, {
          distress: 3,
          helpful: 7,
        });
        expect(done.status, done.text.slice(0, 300)).toBe(200);
      }
      for (const [, text] of journal.filter(([days]) => days === daysBefore))
        await writeEntry(client, text);
    }
  } finally {
    clock.set(null);
  }
  return { person: { login: person.login, password: person.password }, plannedThatWeek };
}

/** A calendar day (YYYY-MM-DD) as the tables write it: "3 March 2025". */
export function longDay(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The text of every cell (header cells too) of each body row of the table(s) in `scope`. */
export function tableRows(scope: Locator): Promise<string[][]> {
  return scope
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
}

/** Prints the page to PDF as Chromium prints it and reads the text back, spaces collapsed. */
export async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
