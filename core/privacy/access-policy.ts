/**
 * Who may do what to whose records: one pure decision, used by the server's policy layer
 * for every record of every feature. Deny by default. The owner may do anything with their
 * own records; anyone else may only read, and only through an active grant from the owner
 * whose scope names the record type.
 */

export type RecordType =
  'journal' | 'checkin' | 'safety-plan' | 'closeness-check' | 'exercise-entry' | 'plan';
export type Action = 'read' | 'create' | 'update' | 'delete';

/** A grant's scope: what kind of record it opens, read-only. */
export type GrantScope = `${RecordType}:read`;

export const GRANT_SCOPES: readonly GrantScope[] = [
  'journal:read',
  'checkin:read',
  'safety-plan:read',
  'closeness-check:read',
];

export interface GrantView {
  id: string;
  ownerId: string;
  granteeId: string;
  scope: string;
  expiresAt: string;
  revokedAt: string | null;
}

export type AccessDecision =
  | { allowed: true; basis: 'owner' }
  | { allowed: true; basis: 'grant'; grantId: string }
  | { allowed: false };

export interface AccessQuestion {
  actorId: string;
  action: Action;
  recordType: RecordType;
  ownerId: string;
  /** Grants from this owner to this actor; others are ignored. */
  grants: readonly GrantView[];
  now: Date;
}

/** Decides one access. Pure: the caller loads the grants and logs what happens. */
export function decideAccess(question: AccessQuestion): AccessDecision {
  const { actorId, action, recordType, ownerId, grants, now } = question;
  if (actorId === ownerId) return { allowed: true, basis: 'owner' };
  if (action !== 'read') return { allowed: false };
  const scope: GrantScope = `${recordType}:read`;
  const grant = grants.find(
    (candidate) =>
      isGrantActive(candidate, now) &&
      candidate.scope === scope &&
      candidate.ownerId === ownerId &&
      candidate.granteeId === actorId,
  );
  return grant ? { allowed: true, basis: 'grant', grantId: grant.id } : { allowed: false };
}

/** A grant works from creation until it expires or is revoked, whichever comes first. */
export function isGrantActive(grant: GrantView, now: Date): boolean {
  if (grant.revokedAt !== null && Date.parse(grant.revokedAt) <= now.getTime()) return false;
  return Date.parse(grant.expiresAt) > now.getTime();
}
