import type { SafetyPlanSections } from '../../../../core/safety/safety-plan';
import { SAFETY_PLAN_SECTIONS } from '../../../../core/safety/safety-plan';
import { t } from '../../i18n';

/** The plan as plain lists: for reading offline, and for printing. */
export function SafetyPlanView({
  sections,
  headingLevel = 2,
}: {
  sections: SafetyPlanSections;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <div className="plan-view">
      {SAFETY_PLAN_SECTIONS.map((section) => (
        <section key={section} className="plan-view__section">
          <Heading>{t(`safetyPlan.section.${section}.title`)}</Heading>
          {sections[section].length > 0 ? (
            <ul>
              {sections[section].map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t('safetyPlan.empty')}</p>
          )}
        </section>
      ))}
    </div>
  );
}
