import type { SafetyPlan } from '../../api/types';
import {
  emptySafetyPlan,
  SAFETY_PLAN_MAX_ITEMS,
  SAFETY_PLAN_SECTIONS,
} from '../../../../core/safety/safety-plan';

/**
 * The copy of the safety plan kept on this device, so the plan opens with no connection:
 * on this page, and on Get help now (server/src/routes/help/assets/help.js reads the same
 * key, as plain JSON `{sections, updatedAt}`).
 */
export const SAFETY_PLAN_STORAGE_KEY = 'closer.safetyPlan';

/** Set to 'off' when the person asks for no copy on this device. */
export const SAFETY_PLAN_COPY_SETTING_KEY = 'closer.safetyPlanCopy';

/** Storage can be switched off or full; the plan on the server is the one that counts. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function localCopyWanted(): boolean {
  return storage()?.getItem(SAFETY_PLAN_COPY_SETTING_KEY) !== 'off';
}

export function setLocalCopyWanted(wanted: boolean): void {
  try {
    if (wanted) storage()?.removeItem(SAFETY_PLAN_COPY_SETTING_KEY);
    else {
      storage()?.setItem(SAFETY_PLAN_COPY_SETTING_KEY, 'off');
      removeLocalPlan();
    }
  } catch {
    // Nothing to do: without storage there is no copy either way.
  }
}

/** Keeps the plan on this device, if the person wants a copy and it has ever been saved. */
export function keepLocalPlan(plan: SafetyPlan): void {
  if (!localCopyWanted()) return;
  try {
    if (plan.updatedAt === null) storage()?.removeItem(SAFETY_PLAN_STORAGE_KEY);
    else
      storage()?.setItem(
        SAFETY_PLAN_STORAGE_KEY,
        JSON.stringify({ sections: plan.sections, updatedAt: plan.updatedAt }),
      );
  } catch {
    // Storage full or blocked: the plan is still safe on the server.
  }
}

export function removeLocalPlan(): void {
  try {
    storage()?.removeItem(SAFETY_PLAN_STORAGE_KEY);
  } catch {
    // As above.
  }
}

/** The copy on this device, checked item by item, or null. */
export function readLocalPlan(): SafetyPlan | null {
  let parsed: unknown;
  try {
    const raw = storage()?.getItem(SAFETY_PLAN_STORAGE_KEY);
    if (!raw) return null;
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { sections, updatedAt } = parsed as { sections?: unknown; updatedAt?: unknown };
  if (typeof sections !== 'object' || sections === null) return null;
  const plan = emptySafetyPlan();
  for (const section of SAFETY_PLAN_SECTIONS) {
    const items = (sections as Record<string, unknown>)[section];
    if (Array.isArray(items)) {
      plan[section] = items
        .filter((item): item is string => typeof item === 'string')
        .slice(0, SAFETY_PLAN_MAX_ITEMS);
    }
  }
  return { sections: plan, updatedAt: typeof updatedAt === 'string' ? updatedAt : null };
}
