/**
 * Saved Closeness Check responses as the API shows them, shared by server and web, and the
 * pure rules around them: what a profile holds, how change is labelled between consecutive
 * responses, when a retake is suggested, what the safety answers lead to, and what a research
 * copy may contain. The server loads and decrypts; everything decided here is decided the
 * same way in the browser.
 */
import type { HelpLine } from '../safety/help-lines';
import type { RiskAssessment, RiskReason } from '../safety/risk';
import {
  SCORED_SUBSCALE_IDS,
  type Band,
  type ClosenessCheckDefinition,
  type RootId,
  type ScoredSubscaleId,
  type SignId,
} from './closeness-check.definition';
import {
  describeChange,
  type PsychometricsReport,
  type ReliabilityStatus,
  type SubscaleChange,
} from './psychometrics';
import type {
  Answers,
  ClosenessCheckResult,
  Completion,
  Highest,
  SafetyFlag,
  SafetyLevel,
} from './scoring';

/** Change per scored subscale since the previous response; null for a person's first one. */
export type ResponseChange = Record<ScoredSubscaleId, SubscaleChange> | null;

/** One saved response's profile: derived from its answers on every read, never stored. */
export interface ResponseSummary {
  id: string;
  version: number;
  createdAt: string;
  scores: Record<ScoredSubscaleId, number | null>;
  index: Record<ScoredSubscaleId, number | null>;
  bands: Record<ScoredSubscaleId, Band | null>;
  closenessFear: { index: number | null; band: Band | null };
  highest: { sign: Highest<SignId> | null; root: Highest<RootId> | null };
  completion: Completion;
  change: ResponseChange;
  /**
   * Set when the stored answers failed their integrity check: the response is listed, empty
   * and marked, so one damaged row never hides the others.
   */
  unreadable?: boolean;
}

/** The safety answers of a saved response, without the help lines (those follow the region). */
export interface ResponseSafety {
  level: SafetyLevel;
  /** Every worrying answer, crisis first. */
  flags: SafetyFlag[];
  /** Questions answered "I would rather not say". */
  declined: string[];
}

/** One response in full: its answers too, to show it in the words of its own version. */
export interface ResponseDetail extends ResponseSummary {
  answers: Answers;
  safety: ResponseSafety;
}

/** What a submission answers: the profile, and the help to show at once if any is needed. */
export interface SubmittedResponse extends ResponseSummary {
  safety: ResponseSafety & { reasons: RiskReason[]; resources: HelpLine[] };
}

export interface Retake {
  /** When a retake is first suggested: two weeks after the latest response (ISO instant). */
  suggestedFrom: string;
  /** When it is suggested by: four weeks after the latest response (ISO instant). */
  suggestedBy: string;
  /** True once `suggestedFrom` has passed. */
  due: boolean;
}

export interface ResponseHistory {
  /** Newest first. */
  responses: ResponseSummary[];
  /** Null before the first response. */
  retake: Retake | null;
}

export interface ClosenessCheckDraft {
  version: number;
  answers: Answers;
  updatedAt: string;
  completion: Completion;
}

export interface SubscaleReliability {
  /** Respondents in the pool who answered every item of the subscale. */
  n: number;
  alpha: number | null;
  sd: number | null;
  status: ReliabilityStatus;
}

/** The public, anonymous reliability figures of one version. */
export interface PsychometricsView {
  version: number;
  minimumResponses: number;
  subscales: Record<ScoredSubscaleId, SubscaleReliability>;
}

/** Retakes are suggested every two to four weeks (issue 4). */
export const RETAKE_FROM_DAYS = 14;
export const RETAKE_BY_DAYS = 28;

const DAY_MS = 86_400_000;

/** The profile part of a scored response (everything but change and safety). */
export function summarise(
  stored: { id: string; createdAt: string },
  result: ClosenessCheckResult,
  change: ResponseChange,
): ResponseSummary {
  return {
    id: stored.id,
    version: result.version,
    createdAt: stored.createdAt,
    scores: result.scores,
    index: result.index,
    bands: result.bands,
    closenessFear: result.closenessFear,
    highest: result.highest,
    completion: result.completion,
    change,
  };
}

/**
 * Change between each response and the one before it, for a list that is newest first: the
 * entry at i compares response i with response i + 1; the oldest has none. `psychometricsFor`
 * gives the research pool's figures for a version, or null while there are too few (change is
 * then a plain difference, never called reliable: see describeChange).
 */
export function changesBetween(
  newestFirst: readonly ClosenessCheckResult[],
  psychometricsFor: (version: number) => PsychometricsReport | null,
): ResponseChange[] {
  return newestFirst.map((after, position) => {
    const before = newestFirst[position + 1];
    if (before === undefined) return null;
    return describeChange(before, after, psychometricsFor(after.version));
  });
}

/** When a retake is suggested after the latest response. */
export function retakeAfter(latestCreatedAt: string, now: Date): Retake {
  const latest = Date.parse(latestCreatedAt);
  const from = new Date(latest + RETAKE_FROM_DAYS * DAY_MS);
  return {
    suggestedFrom: from.toISOString(),
    suggestedBy: new Date(latest + RETAKE_BY_DAYS * DAY_MS).toISOString(),
    due: now.getTime() >= from.getTime(),
  };
}

/** The safety part of a saved response. */
export function responseSafety(result: ClosenessCheckResult): ResponseSafety {
  return {
    level: result.safety.level,
    flags: result.safety.flags,
    declined: result.safety.declined,
  };
}

/**
 * The safety answers as a risk assessment, so the help lines are chosen exactly as for free
 * text (core/safety/safety-response.ts): crisis first, and both kinds of line when both kinds
 * of answer are worrying. Each reason names the question (`rule`) and quotes it (`match`).
 */
export function safetyAssessment(
  result: ClosenessCheckResult,
  definition: ClosenessCheckDefinition,
): RiskAssessment {
  const reasons: RiskReason[] = result.safety.flags.map((flag) => ({
    level: flag.level,
    rule: `closeness-check:${flag.question}`,
    match:
      definition.safetyQuestions.find((question) => question.id === flag.question)?.text ??
      flag.question,
  }));
  return { level: result.safety.level, reasons };
}

/**
 * Whether a response is complete enough to join the research pool: every scored subscale has
 * a score. Alpha uses only respondents who answered every item of a subscale, so a response
 * with gaps would add little, and a person's first *complete* Check is the one to keep.
 */
export function isResearchReady(result: ClosenessCheckResult): boolean {
  return SCORED_SUBSCALE_IDS.every((id) => result.completion.bySubscale[id].scorable);
}

/**
 * The answers a research copy may hold: the scored items only. The safety answers never
 * leave the person's own encrypted record; they measure nothing the pool is for.
 */
export function researchCopy(answers: Answers, definition: ClosenessCheckDefinition): Answers {
  const copy: Record<string, number> = {};
  for (const item of definition.items) {
    const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (value !== undefined) copy[item.id] = value;
  }
  return copy;
}

/** The public view of a psychometrics report. */
export function psychometricsView(report: PsychometricsReport): PsychometricsView {
  const subscales = {} as Record<ScoredSubscaleId, SubscaleReliability>;
  for (const id of SCORED_SUBSCALE_IDS) {
    const { n, alpha, sd, status } = report.subscales[id];
    subscales[id] = { n, alpha, sd, status };
  }
  return { version: report.version, minimumResponses: report.minimumResponses, subscales };
}
