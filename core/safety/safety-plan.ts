/**
 * The six sections of a standard safety plan (Stanley & Brown), in the order a person works
 * through them when things get hard. Their titles and hints live in the i18n messages.
 */
export const SAFETY_PLAN_SECTIONS = [
  'warningSigns',
  'copingAlone',
  'distractions',
  'peopleToAsk',
  'professionals',
  'safeEnvironment',
] as const;

export type SafetyPlanSection = (typeof SAFETY_PLAN_SECTIONS)[number];

export type SafetyPlanSections = Record<SafetyPlanSection, string[]>;

export const SAFETY_PLAN_MAX_ITEMS = 20;
export const SAFETY_PLAN_MAX_ITEM_LENGTH = 500;

export function emptySafetyPlan(): SafetyPlanSections {
  return Object.fromEntries(
    SAFETY_PLAN_SECTIONS.map((section) => [section, []]),
  ) as unknown as SafetyPlanSections;
}

/** Trims items and drops empty ones, so a blank line is never saved as a step. */
export function tidySafetyPlan(sections: SafetyPlanSections): SafetyPlanSections {
  const tidy = emptySafetyPlan();
  for (const section of SAFETY_PLAN_SECTIONS) {
    tidy[section] = (sections[section] ?? [])
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
  return tidy;
}

/** All the plan's text, for the risk check. */
export function safetyPlanText(sections: SafetyPlanSections): string {
  return SAFETY_PLAN_SECTIONS.flatMap((section) => sections[section]).join('\n');
}
