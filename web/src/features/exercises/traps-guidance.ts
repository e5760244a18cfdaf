import {
  suggestThinkingTraps,
  type ThinkingTrapSuggestion,
} from '../../../../core/exercises/thinking-traps';
import type { RegionCode } from '../../../../core/safety/help-lines';
import { assessRisk } from '../../../../core/safety/risk';
import { safetyResponse, type SafetyResponse } from '../../../../core/safety/safety-response';

/** What the thinking-traps field shows for the thought written so far. */
export type TrapsGuidance =
  | { show: 'write-first' }
  | { show: 'traps'; suggestions: ThinkingTrapSuggestion[] }
  | { show: 'safety'; safety: SafetyResponse };

/**
 * Decides what the thinking-traps field offers for a thought. Text that tells of abuse,
 * coercion or a crisis gets help instead of trap suggestions: a fear of being hurt, or
 * blaming oneself for being hit, is not a thinking trap to be worked on, and suggesting one
 * would tell the person their fear or their injury is a distortion. A `concern` (low mood,
 * feeling a burden) still gets suggestions: the help for it comes when the entry is saved.
 */
export function trapsGuidance(text: string, region: RegionCode): TrapsGuidance {
  if (text.trim() === '') return { show: 'write-first' };
  const risk = assessRisk(text);
  if (risk.level === 'safeguarding' || risk.level === 'crisis')
    return { show: 'safety', safety: safetyResponse(risk, region) };
  return { show: 'traps', suggestions: suggestThinkingTraps(text) };
}
