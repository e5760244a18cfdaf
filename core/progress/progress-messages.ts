/**
 * The weekly summary in plain words, as message descriptors (the plan's descriptor type, one
 * for the whole app): core says which sentences (keys under `progress.summary.*` in
 * core/i18n) with which numbers, and the server and the app render them with their own words.
 *
 * Kindness rules (tested): no sentence counts anything as missed, there are no streaks and no
 * targets, and a week without check-ins gets one neutral, welcoming line. A measure's change
 * is told only when the summary has one (two or more days with a check-in).
 */
import { capitalised, message, type PlanMessage } from '../plan/plan-messages';
import { CHECKIN_MEASURES } from './checkin-trends';
import type { WeeklySummary } from './weekly-summary';

/** Numbers as people read them: whole numbers plain, others with one decimal place. */
function shown(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The week's summary as sentences, in reading order. */
export function weeklySummaryMessages(summary: WeeklySummary): PlanMessage[] {
  const sentences: PlanMessage[] = [];
  if (summary.checkins === 0) {
    sentences.push(message('progress.summary.quiet'));
  } else {
    sentences.push(
      summary.checkins === 1
        ? message('progress.summary.checkins.one')
        : message('progress.summary.checkins.other', { count: summary.checkins }),
    );
    for (const measure of CHECKIN_MEASURES) {
      const change = summary.changes[measure];
      if (!change) continue;
      sentences.push(
        message(`progress.summary.change.${change.direction}`, {
          measure: capitalised(message(`progress.measure.${measure}`)),
          from: shown(change.from),
          to: shown(change.to),
        }),
      );
    }
  }
  if (summary.stepsCompleted > 0) {
    sentences.push(
      summary.stepsCompleted === 1
        ? message('progress.summary.steps.one')
        : message('progress.summary.steps.other', { count: summary.stepsCompleted }),
    );
  }
  if (summary.checksTaken > 0) {
    sentences.push(
      summary.checksTaken === 1
        ? message('progress.summary.checks.one')
        : message('progress.summary.checks.other', { count: summary.checksTaken }),
    );
  }
  return sentences;
}
