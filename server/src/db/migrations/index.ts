import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';
import * as accounts from './20261125120000-accounts-sessions-consent';
import * as personalData from './20261126090000-personal-data';
import * as closenessCheck from './20261126120000-closeness-check';
import * as exercisesPlan from './20261126150000-exercises-plan';
import * as researchQueueUnique from './20261126160000-research-queue-unique';
import * as exerciseEntryVersions from './20261127100000-exercise-entry-versions';
import * as exerciseEntryRiskLevel from './20261127200000-exercise-entry-risk-level';
import * as reminders from './20261128100000-reminders';
import * as progress from './20261128110000-progress';
import * as sessionReport from './20261128120000-session-report';

export interface Migration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/**
 * Every migration, in order, named by its file. Listed by hand rather than read from the
 * folder so that a bundled or compiled server cannot miss one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '20261125120000-accounts-sessions-consent': accounts,
  '20261126090000-personal-data': personalData,
  '20261126120000-closeness-check': closenessCheck,
  '20261126150000-exercises-plan': exercisesPlan,
  '20261126160000-research-queue-unique': researchQueueUnique,
  '20261127100000-exercise-entry-versions': exerciseEntryVersions,
  '20261127200000-exercise-entry-risk-level': exerciseEntryRiskLevel,
  '20261128100000-reminders': reminders,
  '20261128110000-progress': progress,
  '20261128120000-session-report': sessionReport,
};
