import {
  CLOSENESS_CHECK_VERSIONS,
  CURRENT_CLOSENESS_CHECK,
  type ClosenessCheckDefinition,
} from '../../../core/assessment/closeness-check.definition';
import { describeChange, type PsychometricsReport } from '../../../core/assessment/psychometrics';
import type { ChangeSinceStart } from '../../../core/plan/stepped-care';
import {
  changesBetween,
  isResearchReady,
  psychometricsView,
  researchCopy,
  responseSafety,
  retakeAfter,
  safetyAssessment,
  summarise,
  type ClosenessCheckDraft,
  type PsychometricsView,
  type ResponseDetail,
  type ResponseHistory,
  type SubmittedResponse,
} from '../../../core/assessment/responses';
import {
  closenessCheckVersion,
  completionOf,
  scoreClosenessCheck,
  validateAnswers,
  type Answers,
  type ClosenessCheckResult,
} from '../../../core/assessment/scoring';
import { DomainError } from '../../../core/errors/domain-error';
import type { RegionCode } from '../../../core/safety/help-lines';
import { safetyResponse } from '../../../core/safety/safety-response';
import { notFound, type AccessPolicy, type Actor } from '../policies/access.policy';
import type { ImportDraft, ImportResponse } from '../../../core/privacy/import-parse';
import type {
  ClosenessCheckRepository,
  StoredClosenessCheckDraft,
  StoredClosenessCheckResponse,
} from '../repositories/closeness-check.repository';
import { newId } from './auth/tokens';
import type { Clock } from './clock';
import { isUnreadableText, type FieldLocation, type TextVault } from './privacy/text-vault';
import type { ResearchConsentService } from './research-consent.service';
import type { ResearchPoolService } from './research-pool.service';

/** A response as the export holds it: the answers decrypted, with the scores they give. */
export interface ExportedResponse {
  /** Set when the stored answers failed their integrity check; the rest is then empty. */
  unreadable?: true;
  id: string;
  version: number;
  createdAt: string;
  answers: Answers;
  scores: ClosenessCheckResult['scores'];
  index: ClosenessCheckResult['index'];
  bands: ClosenessCheckResult['bands'];
  closenessFear: ClosenessCheckResult['closenessFear'];
  safety: { level: ClosenessCheckResult['safety']['level']; flags: string[] };
  researchContributed: boolean;
}

/** A response opened: its stored row, its answers and everything derived from them. */
interface OpenedResponse {
  stored: StoredClosenessCheckResponse;
  answers: Answers;
  result: ClosenessCheckResult;
  /** The stored answers failed their integrity check: shown empty and marked. */
  unreadable?: true;
}

/**
 * The Closeness Check: drafts, responses, history and change. Answers are health data, so
 * they are encrypted with the owner's key before they reach the repository; scores, bands,
 * the safety result and change are derived from the answers on every read with core's pure
 * functions, so a fix to scoring applies to every past response and no derived health data
 * sits in the database. Saving is never blocked by the safety answers.
 */
export class ClosenessCheckService {
  constructor(
    private readonly checks: ClosenessCheckRepository,
    private readonly vault: TextVault,
    private readonly policy: AccessPolicy,
    private readonly research: ResearchPoolService,
    private readonly researchConsent: ResearchConsentService,
    private readonly clock: Clock,
    /** Told about a failure of the research step, which never fails the person's save. */
    private readonly reportError: (error: unknown) => void = () => undefined,
  ) {}

  /** The current definition, or a published one by version; an unknown version is not found. */
  definition(version?: number): ClosenessCheckDefinition {
    if (version === undefined) return CURRENT_CLOSENESS_CHECK;
    const definition = Object.hasOwn(CLOSENESS_CHECK_VERSIONS, version)
      ? CLOSENESS_CHECK_VERSIONS[version]
      : undefined;
    if (!definition) throw notFound();
    return definition;
  }

  async getDraft(actor: Actor): Promise<ClosenessCheckDraft | null> {
    await this.policy.requireCollection(actor, 'read', 'closeness-check', actor.userId);
    const stored = await this.checks.findDraft(actor.userId);
    if (!stored) return null;
    const definition = closenessCheckVersion(stored.version);
    let answers: Answers;
    try {
      answers = validateAnswers(
        JSON.parse(await this.vault.open(draftLocation(actor.userId), stored.answersCiphertext)),
        definition,
      );
    } catch (error) {
      // A damaged draft cannot be shown, and must not stop the person starting afresh: the
      // next save replaces it. The failure is still reported as an integrity incident.
      if (!(error instanceof DomainError) || error.code !== 'ciphertext_invalid') throw error;
      this.reportError(error);
      return null;
    }
    return {
      version: stored.version,
      answers,
      updatedAt: stored.updatedAt,
      completion: completionOf(answers, definition),
    };
  }

  /**
   * Saves the person's unfinished Check, replacing the last one, against the current version.
   * Answers are validated first: anything wrong throws `invalid_answer` and nothing changes.
   */
  async saveDraft(actor: Actor, input: unknown): Promise<ClosenessCheckDraft> {
    await this.policy.requireCollection(actor, 'update', 'closeness-check', actor.userId);
    const definition = CURRENT_CLOSENESS_CHECK;
    const answers = validateAnswers(input, definition);
    const updatedAt = this.clock.now().toISOString();
    await this.checks.saveDraft({
      ownerId: actor.userId,
      version: definition.version,
      answersCiphertext: await this.vault.seal(
        draftLocation(actor.userId),
        JSON.stringify(answers),
      ),
      updatedAt,
    });
    return {
      version: definition.version,
      answers,
      updatedAt,
      completion: completionOf(answers, definition),
    };
  }

  async deleteDraft(actor: Actor): Promise<void> {
    await this.policy.requireCollection(actor, 'delete', 'closeness-check', actor.userId);
    await this.checks.deleteDraft(actor.userId);
  }

  /**
   * Saves a response to the current version and clears the draft. The answer carries the
   * profile, the change since the previous response, and the safety result with the help
   * lines of the person's region, to show at once when an answer is worrying. With research
   * consent, a person's first complete response to a version is also queued for the research
   * pool; that step never fails the save.
   */
  async submit(actor: Actor, input: unknown, region: RegionCode): Promise<SubmittedResponse> {
    await this.policy.requireCollection(actor, 'create', 'closeness-check', actor.userId);
    const definition = CURRENT_CLOSENESS_CHECK;
    const answers = validateAnswers(input, definition);
    const result = scoreClosenessCheck(answers, definition);
    const id = newId();
    const createdAt = this.clock.now().toISOString();
    const contributes = await this.shouldContribute(actor.userId, result);
    const previous = (await this.checks.listResponses(actor.userId))[0];
    await this.checks.insertResponse({
      id,
      ownerId: actor.userId,
      version: definition.version,
      answersCiphertext: await this.vault.seal(
        responseLocation(actor.userId, id),
        JSON.stringify(answers),
      ),
      researchContributed: contributes,
      createdAt,
    });
    await this.checks.deleteDraft(actor.userId);
    if (contributes) await this.contribute(actor.userId, id, answers, definition);

    const before = previous ? await this.openForList(previous) : null;
    const [change = null] = await this.changes(before ? [result, before.result] : [result]);
    const assessment = safetyAssessment(result, definition);
    const help = safetyResponse(assessment, region);
    return {
      ...summarise({ id, createdAt }, result, change),
      safety: { ...responseSafety(result), reasons: help.reasons, resources: help.resources },
    };
  }

  /** The owner's responses, newest first, each with the change since the one before. */
  async history(actor: Actor, ownerId = actor.userId): Promise<ResponseHistory> {
    await this.policy.requireCollection(actor, 'read', 'closeness-check', ownerId);
    const opened = await this.openAll(ownerId);
    const changes = await this.changes(opened.map((response) => response.result));
    const latest = opened[0];
    return {
      responses: opened.map((response, position) => ({
        ...summarise(response.stored, response.result, changes[position] ?? null),
        ...(response.unreadable ? { unreadable: true } : {}),
      })),
      retake: latest ? retakeAfter(latest.stored.createdAt, this.clock.now()) : null,
    };
  }

  /**
   * What the planner needs from the person's Checks: the latest result (with its id, so a plan
   * knows which Check it was made from) and, for each retake, the change since the first Check,
   * oldest first. Null before the first Check. Damaged responses are left out.
   */
  async forPlanning(actor: Actor): Promise<{
    responseId: string;
    latest: ClosenessCheckResult;
    retakes: ChangeSinceStart[];
  } | null> {
    await this.policy.requireCollection(actor, 'read', 'closeness-check', actor.userId);
    const readable = (await this.openAll(actor.userId)).filter((response) => !response.unreadable);
    const latest = readable[0];
    const first = readable[readable.length - 1];
    if (!latest || !first) return null;
    const retakes: ChangeSinceStart[] = [];
    for (const retake of readable.slice(0, -1).reverse()) {
      const figures = await this.research.psychometrics(
        closenessCheckVersion(retake.result.version),
      );
      retakes.push(describeChange(first.result, retake.result, figures));
    }
    return { responseId: latest.stored.id, latest: latest.result, retakes };
  }

  /**
   * One response with its answers; someone else's answers "not found" like a missing one. A
   * damaged response is answered as the list shows it, marked unreadable with no answers,
   * scores or change, and reported as an integrity incident: the person can still see that
   * it exists, and no damaged data is ever shown.
   */
  async get(actor: Actor, id: string): Promise<ResponseDetail> {
    const stored = await this.policy.requireRecord(actor, 'read', 'closeness-check', () =>
      this.checks.findResponse(id),
    );
    const all = await this.checks.listResponses(stored.ownerId);
    const position = all.findIndex((candidate) => candidate.id === stored.id);
    const opened = await this.openForList(stored);
    let older = opened.unreadable ? undefined : all[position + 1];
    if (older && actor.userId !== stored.ownerId) {
      // The change shows the previous response's scores: for anyone but the owner that is a
      // second record read, so it passes the policy too and lands in the owner's access log.
      const previous = older;
      try {
        await this.policy.requireRecord(
          actor,
          'read',
          'closeness-check',
          async () => previous,
          'compared with the next Check',
        );
      } catch {
        older = undefined;
      }
    }
    const before = older ? await this.openForList(older) : null;
    const [change = null] = opened.unreadable
      ? []
      : await this.changes(before ? [opened.result, before.result] : [opened.result]);
    return {
      ...summarise(stored, opened.result, change),
      ...(opened.unreadable ? { unreadable: true } : {}),
      answers: opened.answers,
      safety: responseSafety(opened.result),
    };
  }

  /** The pool's reliability figures for a version (the current one by default). */
  async psychometrics(version?: number): Promise<PsychometricsView> {
    return psychometricsView(await this.research.psychometrics(this.definition(version)));
  }

  /**
   * A response brought in from an export (ImportService), sealed for the actor under a new id
   * with its time kept. It is not given to research: that is the new account's own choice.
   * Not saved here: the import saves everything together, in one transaction.
   */
  async sealResponseForImport(
    actor: Actor,
    item: ImportResponse,
  ): Promise<StoredClosenessCheckResponse> {
    await this.policy.requireCollection(actor, 'create', 'closeness-check', actor.userId);
    const id = newId();
    return {
      id,
      ownerId: actor.userId,
      version: item.version,
      answersCiphertext: await this.vault.seal(
        responseLocation(actor.userId, id),
        JSON.stringify(validateAnswers(item.answers, closenessCheckVersion(item.version))),
      ),
      researchContributed: false,
      createdAt: item.createdAt,
    };
  }

  /** An unfinished Check brought in from an export, sealed for the actor (see above). */
  async sealDraftForImport(actor: Actor, item: ImportDraft): Promise<StoredClosenessCheckDraft> {
    await this.policy.requireCollection(actor, 'update', 'closeness-check', actor.userId);
    return {
      ownerId: actor.userId,
      version: item.version,
      answersCiphertext: await this.vault.seal(
        draftLocation(actor.userId),
        JSON.stringify(validateAnswers(item.answers, closenessCheckVersion(item.version))),
      ),
      updatedAt: item.updatedAt,
    };
  }

  /** Every response of the owner, decrypted and scored, newest first: for export. */
  async exportResponses(actor: Actor): Promise<ExportedResponse[]> {
    await this.policy.requireCollection(actor, 'read', 'closeness-check', actor.userId, 'exported');
    const opened = await this.openAll(actor.userId);
    return opened.map(({ stored, answers, result, unreadable }) => ({
      ...(unreadable ? { unreadable } : {}),
      id: stored.id,
      version: stored.version,
      createdAt: stored.createdAt,
      answers,
      scores: result.scores,
      index: result.index,
      bands: result.bands,
      closenessFear: result.closenessFear,
      safety: {
        level: result.safety.level,
        flags: result.safety.flags.map((flag) => flag.question),
      },
      researchContributed: stored.researchContributed,
    }));
  }

  private async shouldContribute(ownerId: string, result: ClosenessCheckResult): Promise<boolean> {
    if (!isResearchReady(result)) return false;
    if (!(await this.researchConsent.isCurrent(ownerId))) return false;
    return !(await this.checks.hasContributed(ownerId, result.version));
  }

  private async contribute(
    ownerId: string,
    responseId: string,
    answers: Answers,
    definition: ClosenessCheckDefinition,
  ): Promise<void> {
    try {
      const queued = await this.research.contribute(
        ownerId,
        responseId,
        definition.version,
        researchCopy(answers, definition),
      );
      // Another save of the same person, at the same moment, passed `shouldContribute` too
      // and queued its copy first: one copy per person and version, so this one is not given.
      if (!queued) await this.checks.clearContributed(ownerId, [responseId]);
    } catch (error) {
      this.reportError(error);
      // Not queued, so not given: a later response may be given instead.
      await this.checks.clearContributed(ownerId, [responseId]).catch(this.reportError);
    }
  }

  /** Change between consecutive results (newest first), judged with the pool's figures. */
  private async changes(
    newestFirst: readonly ClosenessCheckResult[],
  ): Promise<ReturnType<typeof changesBetween>> {
    const versions = new Set(newestFirst.slice(0, -1).map((result) => result.version));
    const figures = new Map<number, PsychometricsReport>();
    for (const version of versions) {
      figures.set(version, await this.research.psychometrics(closenessCheckVersion(version)));
    }
    return changesBetween(newestFirst, (version) => figures.get(version) ?? null);
  }

  private async openAll(ownerId: string): Promise<OpenedResponse[]> {
    const stored = await this.checks.listResponses(ownerId);
    return Promise.all(stored.map((response) => this.openForList(response)));
  }

  /**
   * Like `open`, but a damaged response is shown as unreadable (no answers, no scores) instead
   * of failing the whole list, as the journal does.
   */
  private async openForList(stored: StoredClosenessCheckResponse): Promise<OpenedResponse> {
    try {
      return await this.open(stored);
    } catch (error) {
      if (!isUnreadableText(error)) throw error;
      this.reportError(error);
      const definition = closenessCheckVersion(stored.version);
      return { stored, answers: {}, result: scoreClosenessCheck({}, definition), unreadable: true };
    }
  }

  private async open(stored: StoredClosenessCheckResponse): Promise<OpenedResponse> {
    const definition = closenessCheckVersion(stored.version);
    const answers = validateAnswers(
      JSON.parse(
        await this.vault.open(
          responseLocation(stored.ownerId, stored.id),
          stored.answersCiphertext,
        ),
      ),
      definition,
    );
    return { stored, answers, result: scoreClosenessCheck(answers, definition) };
  }
}

/** Integrity failures of stored answers, as opposed to bugs. */
function responseLocation(ownerId: string, responseId: string): FieldLocation {
  return {
    table: 'closeness_check_responses',
    column: 'answers_ciphertext',
    recordId: responseId,
    ownerId,
  };
}

/** One draft per person: the record is the person. */
function draftLocation(ownerId: string): FieldLocation {
  return {
    table: 'closeness_check_drafts',
    column: 'answers_ciphertext',
    recordId: ownerId,
    ownerId,
  };
}
