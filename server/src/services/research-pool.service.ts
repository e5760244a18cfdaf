import { randomInt } from 'node:crypto';
import type { ClosenessCheckDefinition } from '../../../core/assessment/closeness-check.definition';
import {
  computePsychometrics,
  type PsychometricsReport,
} from '../../../core/assessment/psychometrics';
import { validateAnswers, type Answers } from '../../../core/assessment/scoring';
import { DomainError } from '../../../core/errors/domain-error';
import type { ClosenessCheckRepository } from '../repositories/closeness-check.repository';
import type {
  ResearchPoolRepository,
  ResearchPoolRow,
} from '../repositories/research-pool.repository';
import { newId } from './auth/tokens';
import type { Clock } from './clock';
import type { FieldLocation, TextVault } from './privacy/text-vault';

/**
 * Copies join the pool only in groups of at least this many, shuffled, so that neither the
 * moment a copy arrived nor its place on disk points to one person's response: at best to a
 * group of ten. Ten is also the smallest group Closer ever reports on (PRODUCT.md, section 1).
 */
export const RESEARCH_GROUP_SIZE = 10;

/**
 * The research pool (docs/decisions/0009). A consenting person's research copy first waits in
 * the queue, encrypted with their key and still theirs (deleted with their account, or when they
 * withdraw). Once a group has gathered, it moves into the pool in one transaction, in a random
 * order, each copy with a new random id and only the month: from then on nothing links it to
 * anyone. Reliability figures are computed from the pool, per version.
 */
export class ResearchPoolService {
  /** Figures per version, kept while the pool's size for that version is unchanged. */
  private readonly figures = new Map<number, { count: number; report: PsychometricsReport }>();

  constructor(
    private readonly pool: ResearchPoolRepository,
    private readonly responses: ClosenessCheckRepository,
    private readonly vault: TextVault,
    private readonly clock: Clock,
    private readonly groupSize: number = RESEARCH_GROUP_SIZE,
  ) {}

  /**
   * Queues one research copy of a response, then moves a group if one has gathered. Answers
   * false, queuing nothing, when a copy of the owner's for this version is already waiting:
   * another save of theirs got there first.
   */
  async contribute(
    ownerId: string,
    responseId: string,
    version: number,
    copy: Answers,
  ): Promise<boolean> {
    const id = newId();
    const queued = await this.pool.enqueue({
      id,
      ownerId,
      responseId,
      version,
      answersCiphertext: await this.vault.seal(queueLocation(ownerId, id), JSON.stringify(copy)),
    });
    if (!queued) return false;
    await this.moveWhenReady();
    return true;
  }

  /**
   * Moves every queued copy into the pool once at least a group's worth is waiting and
   * readable. Answers how many copies moved (0 when it waited, or another instance moved them).
   */
  async moveWhenReady(): Promise<number> {
    if ((await this.pool.queuedCount()) < this.groupSize) return 0;
    const queued = await this.pool.queued();
    const month = this.clock.now().toISOString().slice(0, 7);
    const copies: ResearchPoolRow[] = [];
    for (const entry of queued) {
      let answers: string;
      try {
        answers = await this.vault.open(
          queueLocation(entry.ownerId, entry.id),
          entry.answersCiphertext,
        );
      } catch (error) {
        // A copy whose key is gone (its owner just left) is dropped with the group, unread.
        // Any other failure (a key problem on our side) stops the move: nothing is lost.
        if (error instanceof DomainError && error.code === 'ciphertext_invalid') continue;
        throw error;
      }
      copies.push({ id: newId(), version: entry.version, answers, contributedMonth: month });
    }
    if (copies.length < this.groupSize) return 0;
    shuffle(copies);
    const moved = await this.pool.moveToPool(
      queued.map((entry) => entry.id),
      copies,
    );
    return moved ? copies.length : 0;
  }

  /**
   * Research consent withdrawn: copies still waiting are removed (they never became
   * anonymous), and their responses may be given again after a new consent. Copies already in
   * the pool cannot be found, and stay.
   */
  async withdraw(ownerId: string): Promise<void> {
    const responseIds = await this.pool.withdrawQueued(ownerId);
    await this.responses.clearContributed(ownerId, responseIds);
  }

  /** Cronbach's alpha, SD and n per subscale from the pool's copies of one version. */
  async psychometrics(definition: ClosenessCheckDefinition): Promise<PsychometricsReport> {
    const count = await this.pool.count(definition.version);
    const known = this.figures.get(definition.version);
    if (known && known.count === count) return known.report;
    const copies: Answers[] = [];
    for (const json of await this.pool.answersOf(definition.version)) {
      // A row that is not a valid copy (edited by hand, say) is left out rather than trusted.
      try {
        copies.push(validateAnswers(JSON.parse(json), definition));
      } catch {
        continue;
      }
    }
    const report = computePsychometrics(copies, definition);
    this.figures.set(definition.version, { count, report });
    return report;
  }
}

function queueLocation(ownerId: string, queueId: string): FieldLocation {
  return { table: 'research_pool_queue', column: 'answers_ciphertext', recordId: queueId, ownerId };
}

/** Fisher–Yates with a cryptographic random source: the order must not be guessable. */
function shuffle<T>(items: T[]): void {
  for (let last = items.length - 1; last > 0; last -= 1) {
    const pick = randomInt(last + 1);
    [items[last], items[pick]] = [items[pick] as T, items[last] as T];
  }
}
