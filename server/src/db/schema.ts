/**
 * Table shapes of the main database as Kysely sees them. Timestamps cross this boundary as
 * ISO 8601 strings in UTC on both databases (dialect.ts makes PostgreSQL return them that
 * way). The wrapped person keys are not here: they live in the key store, a database of
 * their own (key-store.ts).
 */

export interface UsersTable {
  id: string;
  email: string | null;
  username: string | null;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token: the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginThrottlesTable {
  /** "account:<sha-256 of the login>" or "client:<address>". */
  key: string;
  failures: number;
  window_started_at: string;
}

export interface ConsentsTable {
  id: string;
  user_id: string;
  kind: string;
  version: string;
  given_at: string;
  withdrawn_at: string | null;
}

export interface CheckinsTable {
  id: string;
  user_id: string;
  mood: number;
  closeness: number;
  stress: number;
  note_ciphertext: string | null;
  risk_level: string;
  time_zone: string;
  /** The calendar day in the person's time zone, YYYY-MM-DD. */
  local_date: string;
  created_at: string;
  updated_at: string;
}

export interface JournalEntriesTable {
  id: string;
  user_id: string;
  text_ciphertext: string;
  /** The tags as an encrypted JSON array: tags are free text too. */
  tags_ciphertext: string;
  mood: number | null;
  risk_level: string;
  created_at: string;
  updated_at: string;
}

export interface SafetyPlansTable {
  user_id: string;
  sections_ciphertext: string;
  updated_at: string;
}

export interface GrantsTable {
  id: string;
  /** The owner of the data the grant opens. */
  user_id: string;
  grantee_id: string;
  scope: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface AccessLogTable {
  id: string;
  /** The owner of the record that was read. */
  user_id: string;
  sequence: number;
  actor_id: string;
  record_type: string;
  record_id: string;
  action: string;
  reason: string;
  at: string;
  previous_hash: string;
  hash: string;
}

export interface AccessLogHeadsTable {
  user_id: string;
  sequence: number;
  hash: string;
}

export interface AuditEventsTable {
  id: string;
  user_id: string | null;
  event: string;
  /** JSON; never any health content. */
  details: string;
  at: string;
}

/** A saved Closeness Check: the answers are encrypted; scores are derived on every read. */
export interface ClosenessCheckResponsesTable {
  id: string;
  user_id: string;
  /** The version of the Check answered, so old answers are read with their own words. */
  version: number;
  /** The answers as encrypted JSON, safety answers included. */
  answers_ciphertext: string;
  /** 1 when this response was queued for the research pool (each person adds one per version). */
  research_contributed: number;
  created_at: string;
}

/** The Check a person has started and not yet finished: one per person, saved on every answer. */
export interface ClosenessCheckDraftsTable {
  user_id: string;
  version: number;
  answers_ciphertext: string;
  updated_at: string;
}

/**
 * Responses waiting to join the research pool in a shuffled group (docs/decisions/0009).
 * Still the person's: it names them, and goes with their account or their research consent.
 */
export interface ResearchPoolQueueTable {
  id: string;
  user_id: string;
  response_id: string;
  version: number;
  /** The research copy (scored answers only), encrypted with the person's key until it moves. */
  answers_ciphertext: string;
}

/**
 * Anonymous copies of Check answers, for reliability figures: no person, no exact time, a
 * random id, added in shuffled groups. Not personal data, so it outlives account deletion.
 */
export interface ResearchPoolTable {
  id: string;
  version: number;
  /** Scored answers only, as plain JSON. */
  answers: string;
  /** YYYY-MM: the month the copy joined the pool, and nothing finer. */
  contributed_month: string;
}

/** One go at an exercise, a draft or completed: what the person wrote is encrypted. */
export interface ExerciseEntriesTable {
  id: string;
  user_id: string;
  /** The exercise in the library (core/exercises). */
  exercise_id: string;
  /** The version of the exercise's fields the entry was made with (core/exercises). */
  exercise_version: number;
  /** Counted up on every save; a save based on an older revision is refused. */
  revision: number;
  /** `draft` or `completed`. */
  status: string;
  /** The values, step by step, as encrypted JSON. */
  values_ciphertext: string;
  /** How it felt (distress and helpfulness, 0–10) as encrypted JSON, once completed. */
  feeling_ciphertext: string | null;
  /** The risk check's level for the words at the last save; null for entries saved before it was kept. */
  risk_level: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** The plan of one ISO week for one person, kept so it stays the same all week. */
export interface PlanWeeksTable {
  user_id: string;
  /** "2026-W49". */
  week: string;
  /** The whole plan as encrypted JSON: its reasons describe the person's profile. */
  plan_ciphertext: string;
  updated_at: string;
}

/** What the person asked of their plan: minutes a week and what to avoid. */
export interface PlanPreferencesTable {
  user_id: string;
  /** Encrypted JSON: topics to avoid say something about the person. */
  preferences_ciphertext: string;
  updated_at: string;
}

/** What a person asked to be reminded of (docs/decisions/0012). */
export interface ReminderSettingsTable {
  user_id: string;
  /** IANA zone the times are in. */
  time_zone: string;
  /** JSON array of {kind, days, time}; no free text, no health content. */
  items: string;
  /** 1 when the person asked for reminders by email too. */
  email: number;
  /** Occurrences up to this instant have become deliveries. */
  scanned_until: string;
  /** The next occurrence after `scanned_until`; null when none is set. */
  next_due_at: string | null;
  updated_at: string;
}

/** A person's private calendar feed: only the SHA-256 of its secret token is kept. */
export interface ReminderFeedsTable {
  user_id: string;
  /** Random; part of each event's UID, so calendar apps can tell feeds apart. */
  id: string;
  token_hash: string;
  created_at: string;
}

/** One reminder falling due on one channel ('app' or 'email'), at most once. */
export interface ReminderDeliveriesTable {
  id: string;
  user_id: string;
  /** `<kind>@<HH:MM>`: stays the same when the list is reordered. */
  item_key: string;
  kind: string;
  occurrence_at: string;
  channel: string;
  /** app: due | dismissed. email: pending | sending | sent | failed | skipped. */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  /** While `sending`: the lease of the instance that claimed it. */
  claimed_until: string | null;
  sent_at: string | null;
  created_at: string;
}

/**
 * A counter per person, raised by triggers with every write the progress page reads: its
 * cache is valid while the counter is unchanged (docs/decisions/0014).
 */
export interface ProgressVersionsTable {
  /** users.id; deleted with the account (foreign key, cascade). */
  account_id: string;
  version: number;
}

/** One row (id 1): raised whenever the research pool grows (reliable change may move). */
export interface ProgressSharedVersionTable {
  id: number;
  version: number;
}

/** When a person last said they printed or shared their session report (docs/decisions/0015). */
export interface SessionReportsTable {
  user_id: string;
  last_report_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttles: LoginThrottlesTable;
  consents: ConsentsTable;
  checkins: CheckinsTable;
  journal_entries: JournalEntriesTable;
  safety_plans: SafetyPlansTable;
  grants: GrantsTable;
  access_log: AccessLogTable;
  access_log_heads: AccessLogHeadsTable;
  audit_events: AuditEventsTable;
  closeness_check_responses: ClosenessCheckResponsesTable;
  closeness_check_drafts: ClosenessCheckDraftsTable;
  research_pool_queue: ResearchPoolQueueTable;
  research_pool: ResearchPoolTable;
  exercise_entries: ExerciseEntriesTable;
  plan_weeks: PlanWeeksTable;
  plan_preferences: PlanPreferencesTable;
  reminder_settings: ReminderSettingsTable;
  reminder_feeds: ReminderFeedsTable;
  reminder_deliveries: ReminderDeliveriesTable;
  progress_versions: ProgressVersionsTable;
  progress_shared_version: ProgressSharedVersionTable;
  session_reports: SessionReportsTable;
}
