import type { Kysely } from 'kysely';
import type { GrantView } from '../../../core/privacy/access-policy';
import type { Database, GrantsTable } from '../db/schema';

export class GrantRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(grant: GrantView & { createdAt: string }): Promise<void> {
    await this.db
      .insertInto('grants')
      .values({
        id: grant.id,
        user_id: grant.ownerId,
        grantee_id: grant.granteeId,
        scope: grant.scope,
        created_at: grant.createdAt,
        expires_at: grant.expiresAt,
        revoked_at: grant.revokedAt,
      })
      .execute();
  }

  /** Grants one owner gave one grantee, active or not: the policy decides. */
  async between(ownerId: string, granteeId: string): Promise<GrantView[]> {
    const rows = await this.db
      .selectFrom('grants')
      .selectAll()
      .where('user_id', '=', ownerId)
      .where('grantee_id', '=', granteeId)
      .execute();
    return rows.map(fromRow);
  }

  async listByOwner(ownerId: string): Promise<GrantView[]> {
    const rows = await this.db
      .selectFrom('grants')
      .selectAll()
      .where('user_id', '=', ownerId)
      .execute();
    return rows.map(fromRow);
  }

  async revoke(ownerId: string, id: string, revokedAt: string): Promise<void> {
    await this.db
      .updateTable('grants')
      .set({ revoked_at: revokedAt })
      .where('id', '=', id)
      .where('user_id', '=', ownerId)
      .where('revoked_at', 'is', null)
      .execute();
  }
}

function fromRow(row: GrantsTable): GrantView {
  return {
    id: row.id,
    ownerId: row.user_id,
    granteeId: row.grantee_id,
    scope: row.scope,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
