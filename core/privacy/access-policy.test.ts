import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideAccess,
  isGrantActive,
  type Action,
  type GrantView,
  type RecordType,
} from './access-policy';

const NOW = new Date('2026-11-25T12:00:00.000Z');

function grant(overrides: Partial<GrantView> = {}): GrantView {
  return {
    id: 'g1',
    ownerId: 'owner',
    granteeId: 'therapist',
    scope: 'journal:read',
    expiresAt: '2026-12-25T12:00:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

function ask(actorId: string, action: Action, recordType: RecordType, grants: GrantView[] = []) {
  return decideAccess({ actorId, action, recordType, ownerId: 'owner', grants, now: NOW });
}

describe('decideAccess', () => {
  it('lets the owner do anything with their own records', () => {
    for (const action of ['read', 'create', 'update', 'delete'] as const) {
      expect(ask('owner', action, 'journal')).toEqual({ allowed: true, basis: 'owner' });
    }
  });

  it('denies everyone else by default', () => {
    expect(ask('stranger', 'read', 'journal')).toEqual({ allowed: false });
  });

  it('lets a grantee read, through an active grant of the right scope only', () => {
    expect(ask('therapist', 'read', 'journal', [grant()])).toEqual({
      allowed: true,
      basis: 'grant',
      grantId: 'g1',
    });
    expect(ask('therapist', 'read', 'checkin', [grant()])).toEqual({ allowed: false });
    expect(ask('someone-else', 'read', 'journal', [grant()])).toEqual({ allowed: false });
    expect(ask('therapist', 'read', 'journal', [grant({ ownerId: 'another-owner' })])).toEqual({
      allowed: false,
    });
  });

  it('never lets a grantee change or delete anything', () => {
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(ask('therapist', action, 'journal', [grant()])).toEqual({ allowed: false });
    }
  });

  it('stops at expiry and at revocation', () => {
    expect(ask('therapist', 'read', 'journal', [grant({ expiresAt: NOW.toISOString() })])).toEqual({
      allowed: false,
    });
    expect(
      ask('therapist', 'read', 'journal', [grant({ revokedAt: '2026-11-25T11:59:59.000Z' })]),
    ).toEqual({ allowed: false });
    // A revocation dated in the future has not happened yet.
    expect(isGrantActive(grant({ revokedAt: '2026-11-26T00:00:00.000Z' }), NOW)).toBe(true);
  });

  it('never allows a non-owner anything without a matching grant (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom<Action>('read', 'create', 'update', 'delete'),
        fc.constantFrom<RecordType>('journal', 'checkin', 'safety-plan', 'closeness-check'),
        (actorId, action, recordType) => {
          fc.pre(actorId !== 'owner');
          expect(ask(actorId, action, recordType, [])).toEqual({ allowed: false });
        },
      ),
    );
  });
});
