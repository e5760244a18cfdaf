/**
 * Plan steps completed per week, for the progress page.
 *
 * A step counts as completed when an entry of its exercise was completed in the plan's week
 * (the plan's own rule: done is derived from entries, never trusted from the stored plan). A
 * step the person left for the week ("Not this week") is not counted as planned: choosing to
 * leave a step is never shown as falling short. Weeks without a stored plan show 0 of 0.
 */
import { addWeeks } from '../plan/week';

/** A stored week's plan, as far as this needs it: the exercises of the steps not left. */
export interface PlannedWeek {
  week: string;
  exerciseIds: readonly string[];
}

/** A completed exercise entry: which exercise, and the ISO week it was completed in. */
export interface CompletedInWeek {
  exerciseId: string;
  week: string;
}

export interface StepsInWeek {
  week: string;
  completed: number;
  planned: number;
}

/** One point per ISO week from `firstWeek` to `lastWeek` (inclusive), oldest first. */
export function stepsPerWeek(
  plans: readonly PlannedWeek[],
  completed: readonly CompletedInWeek[],
  firstWeek: string,
  lastWeek: string,
): StepsInWeek[] {
  const planByWeek = new Map(plans.map((plan) => [plan.week, plan.exerciseIds]));
  const doneByWeek = new Map<string, Set<string>>();
  for (const entry of completed) {
    let done = doneByWeek.get(entry.week);
    if (!done) doneByWeek.set(entry.week, (done = new Set()));
    done.add(entry.exerciseId);
  }
  const points: StepsInWeek[] = [];
  // ISO week strings sort in time order; the bound stops a reversed range from looping.
  for (let week = firstWeek, guard = 0; week <= lastWeek && guard < 1_000; guard += 1) {
    const planned = [...new Set(planByWeek.get(week) ?? [])];
    const done = doneByWeek.get(week);
    points.push({
      week,
      planned: planned.length,
      completed: done ? planned.filter((exerciseId) => done.has(exerciseId)).length : 0,
    });
    week = addWeeks(week, 1);
  }
  return points;
}
