import type { RegionCode } from '../../../core/safety/help-lines';
import { safetyResponse, type SafetyResponse } from '../../../core/safety/safety-response';
import {
  emptySafetyPlan,
  safetyPlanText,
  tidySafetyPlan,
  type SafetyPlanSections,
} from '../../../core/safety/safety-plan';
import type { AccessPolicy, Actor } from '../policies/access.policy';
import type { ImportSafetyPlan } from '../../../core/privacy/import-parse';
import type { RiskAssessment } from '../../../core/safety/risk';
import type {
  SafetyPlanRepository,
  StoredSafetyPlan,
} from '../repositories/safety-plan.repository';
import type { Clock } from './clock';
import { inlineRiskChecker, type RiskChecker } from './safety/risk-checker';
import type { FieldLocation, TextVault } from './privacy/text-vault';

export interface SafetyPlan {
  sections: SafetyPlanSections;
  updatedAt: string | null;
}

export class SafetyPlanService {
  constructor(
    private readonly plans: SafetyPlanRepository,
    private readonly vault: TextVault,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
    private readonly risk: RiskChecker = inlineRiskChecker,
  ) {}

  /** The plan, or an empty one with the six sections when none has been saved. */
  async get(actor: Actor, ownerId = actor.userId): Promise<SafetyPlan> {
    await this.policy.requireCollection(actor, 'read', 'safety-plan', ownerId);
    const stored = await this.plans.find(ownerId);
    if (!stored) return { sections: emptySafetyPlan(), updatedAt: null };
    const sections = JSON.parse(
      await this.vault.open(location(ownerId), stored.sectionsCiphertext),
    ) as SafetyPlanSections;
    return { sections: { ...emptySafetyPlan(), ...sections }, updatedAt: stored.updatedAt };
  }

  /**
   * A safety plan brought in from an export (ImportService), sealed for the actor with its
   * time kept; its text passes the risk check. Not saved here: the import saves everything
   * together, in one transaction.
   */
  async sealForImport(
    actor: Actor,
    plan: ImportSafetyPlan,
  ): Promise<{ stored: StoredSafetyPlan; risk: RiskAssessment }> {
    await this.policy.requireCollection(actor, 'update', 'safety-plan', actor.userId);
    const tidy = tidySafetyPlan(plan.sections);
    return {
      stored: {
        ownerId: actor.userId,
        sectionsCiphertext: await this.vault.seal(location(actor.userId), JSON.stringify(tidy)),
        updatedAt: plan.updatedAt,
      },
      risk: await this.risk.assess(safetyPlanText(tidy)),
    };
  }

  async save(
    actor: Actor,
    sections: SafetyPlanSections,
    region: RegionCode,
  ): Promise<{ plan: SafetyPlan; safety: SafetyResponse }> {
    await this.policy.requireCollection(actor, 'update', 'safety-plan', actor.userId);
    const tidy = tidySafetyPlan(sections);
    const updatedAt = this.clock.now().toISOString();
    await this.plans.save({
      ownerId: actor.userId,
      sectionsCiphertext: await this.vault.seal(location(actor.userId), JSON.stringify(tidy)),
      updatedAt,
    });
    return {
      plan: { sections: tidy, updatedAt },
      safety: safetyResponse(await this.risk.assess(safetyPlanText(tidy)), region),
    };
  }
}

function location(ownerId: string): FieldLocation {
  return { table: 'safety_plans', column: 'sections_ciphertext', recordId: ownerId, ownerId };
}
