import type { CheckAnswers, CheckDefinition, SafetyAnswer } from '../../api/types';
import { resolveRegion } from '../../../../core/safety/help-lines';
import type { RiskReason } from '../../../../core/safety/risk';
import { safetyResponse } from '../../../../core/safety/safety-response';
import { personRegion } from '../safety/person-region';

/**
 * The help that the safety answers given so far call for, worked out here in the browser so
 * that it shows the moment a worrying answer is chosen, even with no connection. The rule is
 * the server's: a worrying answer to a crisis question means crisis help, to a partner
 * question safeguarding help, and crisis first when both. The help lines come from the same
 * table, for the person's region.
 */
export function safetyFromAnswers(
  definition: CheckDefinition,
  answers: CheckAnswers,
  region: string = personRegion(),
): SafetyAnswer {
  const reasons: RiskReason[] = [];
  for (const question of definition.safetyQuestions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const option = question.options.find((candidate) => candidate.value === value);
    if (option?.worrying) reasons.push({ level: question.concern, rule: question.id, match: '' });
  }
  const level = reasons.some((reason) => reason.level === 'crisis')
    ? 'crisis'
    : reasons.length > 0
      ? 'safeguarding'
      : 'none';
  return safetyResponse({ level, reasons }, resolveRegion(region, []));
}
