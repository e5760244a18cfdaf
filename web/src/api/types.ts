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
