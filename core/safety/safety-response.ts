import { helpRegion, type HelpLine, type RegionCode } from './help-lines';
import type { RiskAssessment, RiskLevel, RiskReason } from './risk';

/** What a save answers about safety: the level, why, and who can help, in order. */
export interface SafetyResponse {
  level: RiskLevel;
  reasons: RiskReason[];
  resources: HelpLine[];
}

/**
 * Picks the help lines to show with a risk assessment, in the order a person should see
 * them. Crisis: the emergency number, then the 24/7 crisis line, then text lines (and, if
 * abuse was also mentioned, the specialist lines after those). Safeguarding: the emergency
 * number, then the abuse and child-protection lines — never a self-help exercise. Concern:
 * the listening services, without the emergency number. None: nothing.
 */
export function safetyResponse(assessment: RiskAssessment, region: RegionCode): SafetyResponse {
  const lines = helpRegion(region).lines;
  const emergency = lines.filter((line) => line.need === 'emergency');
  const crisis = lines.filter((line) => line.group === 'crisis' && line.need !== 'emergency');
  const safeguarding = lines.filter((line) => line.group === 'safeguarding');
  const mentionsAbuse = assessment.reasons.some((reason) => reason.level === 'safeguarding');

  let resources: HelpLine[];
  switch (assessment.level) {
    case 'crisis':
      resources = [...emergency, ...crisis, ...(mentionsAbuse ? safeguarding : [])];
      break;
    case 'safeguarding':
      resources = [...emergency, ...safeguarding];
      break;
    case 'concern':
      resources = crisis.filter((line) => line.need === 'crisis' || line.need === 'crisis-text');
      break;
    default:
      resources = [];
  }
  return { level: assessment.level, reasons: assessment.reasons, resources };
}
