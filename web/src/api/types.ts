import type {
  Band,
  SafetyConcern,
  ScoredSubscaleId,
  SubscaleKind,
} from '../../../core/assessment/closeness-check.definition';
import type {
  ClosenessCheckDraft,
  ResponseChange,
  ResponseDetail,
  ResponseHistory,
  ResponseSummary,
  SubmittedResponse,
} from '../../../core/assessment/responses';
import type { Checkin } from '../../../core/checkins/checkin';
import type { JournalEntry, JournalPage } from '../../../core/journal/journal-entry';
import type { HelpLine } from '../../../core/safety/help-lines';
import type { SafetyPlanSections } from '../../../core/safety/safety-plan';

/** Shapes of the API's answers, as the web app uses them. */
export interface User {
  id: string;
  email: string | null;
  username: string | null;
  createdAt: string;
}

export interface SessionAnswer {
  user: User;
  csrfToken: string;
}

export interface ConsentAnswer {
  version: string;
  publishedOn: string;
  text: string;
  consent?: {
    current: boolean;
    version: string | null;
    givenAt: string | null;
    withdrawnAt: string | null;
  };
}

export interface ArticleSummary {
  slug: string;
  title: string;
  summary: string;
  topics: string[];
  minutes: number;
}

export interface Article extends ArticleSummary {
  body: string;
}

/** How worried a save's risk check is about the text; see core/safety/risk. */
export type RiskLevel = 'none' | 'concern' | 'crisis' | 'safeguarding';

/** The safety part of every answer to a save of free text. */
export type { Checkin, JournalEntry, JournalPage };

export interface SafetyAnswer {
  level: RiskLevel;
  reasons: { level: string; rule: string; match: string }[];
  resources: HelpLine[];
}

export interface JournalInput {
  text: string;
  mood: number | null;
  tags: string[];
}

export interface SavedJournalEntry {
  entry: JournalEntry;
  safety: SafetyAnswer;
}

export interface CheckinInput {
  mood: number;
  closeness: number;
  stress: number;
  note: string | null;
  timeZone: string;
}

export interface SavedCheckin {
  checkin: Checkin;
  safety: SafetyAnswer;
}

export interface SafetyPlan {
  sections: SafetyPlanSections;
  updatedAt: string | null;
}

export interface SavedSafetyPlan {
  plan: SafetyPlan;
  safety: SafetyAnswer;
}

export interface AccessLogEntry {
  sequence: number;
  at: string;
  actorId: string;
  recordType: string;
  recordId: string;
  action: string;
  reason: string;
}

export interface AccessLogAnswer {
  entries: AccessLogEntry[];
  intact: boolean;
  problem: string | null;
}

/** The Closeness Check as the API serves it: the words a person reads, and how it is scored. */
export interface CheckDefinition {
  id: 'closeness-check';
  version: number;
  title: string;
  introduction: string;
  minutes: number;
  scale: { min: number; max: number; labels: Record<string, string> };
  subscales: { id: string; kind: SubscaleKind; title: string }[];
  items: { id: string; text: string; subscale: ScoredSubscaleId; reverse: boolean }[];
  safetyIntroduction: string;
  safetyQuestions: {
    id: string;
    text: string;
    subscale: 'safety';
    concern: SafetyConcern;
    options: { value: number; label: string; worrying: boolean; declined?: boolean }[];
  }[];
  guides: Partial<
    Record<ScoredSubscaleId, { higherMeans: string; whatHelps: string; learnTopics: string[] }>
  >;
  bands: { id: Band; label: string; description: string }[];
  bandThresholds?: { someFrom: number; markedFrom: number };
  bandNote: string;
  whatItIsNot: string[];
}

/** Question id → the value chosen. Any subset may be answered. */
export type CheckAnswers = Record<string, number>;

// The Check's answers are typed once, in core, for the server and the app alike.
export type CheckDraft = ClosenessCheckDraft;
/** What every scored Check carries. */
export type CheckScores = Omit<ResponseSummary, 'change'>;
/** The answer to sending a Check: its scores, and the help to show first if any answer worried. */
export type SubmittedCheck = SubmittedResponse;
/** Change from the Check before, per subscale; null for a person's first Check. */
export type CheckChange = ResponseChange;
export type CheckSummary = ResponseSummary;
export type CheckHistory = ResponseHistory;
export type CheckDetail = ResponseDetail;

/** The separate, optional agreement to let anonymised answers help research. */
export interface ResearchConsent {
  notice: { version: string; text: string };
  current: boolean;
}
