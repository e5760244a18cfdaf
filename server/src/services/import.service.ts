import { DomainError } from '../../../core/errors/domain-error';
import { t } from '../../../core/i18n/translate';
import { parseImport, type ParsedImport } from '../../../core/privacy/import-parse';
import type { RegionCode } from '../../../core/safety/help-lines';
import { moreSevere, type RiskAssessment, type RiskReason } from '../../../core/safety/risk';
import { safetyResponse, type SafetyResponse } from '../../../core/safety/safety-response';
import type { Actor } from '../policies/access.policy';
import {
  IMPORT_TARGET_NOT_EMPTY,
  type ImportBatch,
  type ImportRepository,
} from '../repositories/import.repository';
import type { CheckinService } from './checkin.service';
import type { ClosenessCheckService } from './closeness-check.service';
import type { ExerciseService } from './exercise.service';
import type { JournalService } from './journal.service';
import type { PlanService } from './plan.service';
import type { SafetyPlanService } from './safety-plan.service';

/** What an import brought in, by kind, and what the file itself marked damaged. */
export interface ImportSummary {
  imported: {
    checkins: number;
    journal: number;
    safetyPlan: number;
    closenessChecks: number;
    closenessCheckDraft: number;
    exerciseEntries: number;
    planWeeks: number;
    planPreferences: number;
  };
  /** Rows the export marked unreadable (damaged on the old server): left out, by section. */
  leftOut: Record<string, number>;
  /** The risk check over all imported writing, as a journal save answers it. */
  safety: SafetyResponse;
}

/**
 * Brings a person's own Closer JSON export into their account on this server
 * (docs/decisions/0013). The whole file is checked first (core/privacy/import-parse); then
 * each record is sealed with the importer's key through its own service, under a new id
 * (links between imported records follow), and everything is written in one transaction.
 * Only into an account with no records yet; the risk check runs over every imported text and
 * never blocks the import.
 */
export class ImportService {
  constructor(
    private readonly store: ImportRepository,
    private readonly checkins: CheckinService,
    private readonly journal: JournalService,
    private readonly safetyPlans: SafetyPlanService,
    private readonly closenessCheck: ClosenessCheckService,
    private readonly exercises: ExerciseService,
    private readonly plan: PlanService,
  ) {}

  async importExport(actor: Actor, input: unknown, region: RegionCode): Promise<ImportSummary> {
    const parsed = parseImport(input);
    if (await this.store.holdsRecords(actor.userId)) {
      throw new DomainError(IMPORT_TARGET_NOT_EMPTY, t('api.import_target_not_empty'));
    }
    const { batch, risks } = await this.seal(actor, parsed);
    await this.store.insertAll(actor.userId, batch);
    return {
      imported: {
        checkins: batch.checkins.length,
        journal: batch.journal.length,
        safetyPlan: batch.safetyPlan ? 1 : 0,
        closenessChecks: batch.closenessCheckResponses.length,
        closenessCheckDraft: batch.closenessCheckDraft ? 1 : 0,
        exerciseEntries: batch.exerciseEntries.length,
        planWeeks: batch.planWeeks.length,
        planPreferences: batch.planPreferences ? 1 : 0,
      },
      leftOut: { ...parsed.unreadable },
      safety: safetyResponse(combine(risks), region),
    };
  }

  /** Every record sealed for the importer, under new ids; nothing is written yet. */
  private async seal(
    actor: Actor,
    parsed: ParsedImport,
  ): Promise<{ batch: ImportBatch; risks: RiskAssessment[] }> {
    const risks: RiskAssessment[] = [];
    const withRisk = <T>(sealed: { stored: T; risk: RiskAssessment }): T => {
      risks.push(sealed.risk);
      return sealed.stored;
    };
    const responses = [];
    // The id each imported Check has here, so a week's plan still names the Check it came from.
    const responseIds = new Map<string, string>();
    for (const response of parsed.closenessCheckResponses) {
      const stored = await this.closenessCheck.sealResponseForImport(actor, response);
      responseIds.set(response.id, stored.id);
      responses.push(stored);
    }
    const checkins = [];
    for (const checkin of parsed.checkins)
      checkins.push(withRisk(await this.checkins.sealForImport(actor, checkin)));
    const journal = [];
    for (const entry of parsed.journal)
      journal.push(withRisk(await this.journal.sealForImport(actor, entry)));
    const exerciseEntries = [];
    for (const entry of parsed.exerciseEntries)
      exerciseEntries.push(withRisk(await this.exercises.sealForImport(actor, entry)));
    const planWeeks = [];
    for (const week of parsed.planWeeks)
      planWeeks.push(
        withRisk(
          await this.plan.sealWeekForImport(actor, {
            week: week.week,
            checkId: (week.checkId !== null ? responseIds.get(week.checkId) : undefined) ?? '',
            plan: week.plan,
          }),
        ),
      );
    return {
      batch: {
        checkins,
        journal,
        safetyPlan: parsed.safetyPlan
          ? withRisk(await this.safetyPlans.sealForImport(actor, parsed.safetyPlan))
          : null,
        closenessCheckResponses: responses,
        closenessCheckDraft: parsed.closenessCheckDraft
          ? await this.closenessCheck.sealDraftForImport(actor, parsed.closenessCheckDraft)
          : null,
        exerciseEntries,
        planWeeks,
        planPreferences: parsed.planPreferences
          ? await this.plan.sealPreferencesForImport(actor, parsed.planPreferences)
          : null,
      },
      risks,
    };
  }
}

/** The most severe level found, with every reason (at most 20, the most severe first). */
function combine(risks: readonly RiskAssessment[]): RiskAssessment {
  let level: RiskAssessment['level'] = 'none';
  const reasons: RiskReason[] = [];
  for (const risk of risks) {
    level = moreSevere(level, risk.level);
    reasons.push(...risk.reasons);
  }
  const order = ['concern', 'safeguarding', 'crisis'];
  reasons.sort((a, b) => order.indexOf(b.level) - order.indexOf(a.level));
  return { level, reasons: reasons.slice(0, 20) };
}
