import { decideAccess, type Action, type RecordType } from '../../../core/privacy/access-policy';
import { DomainError } from '../../../core/errors/domain-error';
import type { GrantRepository } from '../repositories/grant.repository';
import type { Clock } from '../services/clock';
import type { AccessLogService } from '../services/privacy/access-log.service';

/** Whoever is asking: today always a signed-in person. */
export interface Actor {
  userId: string;
}

const NOT_FOUND_MESSAGE = 'We could not find that.';

/**
 * The one door to anyone's records. Services load a record through `requireRecord`, which
 * decides (core's `decideAccess`: deny by default), logs every read by someone other than
 * the owner in the owner's access log, and answers "not found" alike for a record that does
 * not exist and one the actor may not see, so nobody can learn that a record exists.
 */
export class AccessPolicy {
  constructor(
    private readonly grants: GrantRepository,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
  ) {}

  async requireRecord<T extends { id: string; ownerId: string }>(
    actor: Actor,
    action: Action,
    recordType: RecordType,
    load: () => Promise<T | null>,
    reason = 'viewed',
  ): Promise<T> {
    const record = await load();
    if (!record) throw notFound();
    await this.require(actor, action, recordType, record.ownerId, record.id, reason);
    return record;
  }

  /** For a whole collection of one owner's records (a list, an export). */
  async requireCollection(
    actor: Actor,
    action: Action,
    recordType: RecordType,
    ownerId: string,
    reason = 'viewed',
  ): Promise<void> {
    await this.require(actor, action, recordType, ownerId, '*', reason);
  }

  private async require(
    actor: Actor,
    action: Action,
    recordType: RecordType,
    ownerId: string,
    recordId: string,
    reason: string,
  ): Promise<void> {
    const grants = actor.userId === ownerId ? [] : await this.grants.between(ownerId, actor.userId);
    const decision = decideAccess({
      actorId: actor.userId,
      action,
      recordType,
      ownerId,
      grants,
      now: this.clock.now(),
    });
    if (!decision.allowed) throw notFound();
    if (decision.basis === 'grant') {
      await this.accessLog.record({
        ownerId,
        actorId: actor.userId,
        recordType,
        recordId,
        action,
        reason: `${reason} (grant ${decision.grantId})`,
      });
    }
  }
}

export function notFound(): DomainError {
  return new DomainError('not_found', NOT_FOUND_MESSAGE);
}
