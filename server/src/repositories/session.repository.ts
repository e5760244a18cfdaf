import type { CompiledQuery, Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';
import { SessionCache } from './session-cache';

export interface SessionWithUser {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  user: { id: string; email: string | null; username: string | null; createdAt: string };
}

interface FindWithUserRow {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  email: string | null;
  username: string | null;
  userCreatedAt: string;
}

export interface NewSession {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export class SessionRepository {
  private readonly db: Kysely<Database>;

  /**
   * Built and compiled once, then run with a new parameter: building a Kysely query costs
   * more than running this indexed lookup, and it runs on every signed-in request.
   */
  private readonly findWithUserRead: (parameters: readonly unknown[]) => Promise<FindWithUserRow[]>;

  /** Only where this process is the sole writer; null on PostgreSQL (several instances). */
  private readonly cache: SessionCache | null;

  constructor(private readonly database: DatabaseHandle) {
    this.db = database.db;
    this.cache = database.singleWriter ? new SessionCache() : null;
    this.findWithUserRead = database.prepareRead(
      this.buildFindWithUser().compile() as CompiledQuery<FindWithUserRow>,
    );
  }

  async create(session: NewSession): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        last_seen_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  /** One query per authenticated request: the session and its user together. */
  async findWithUser(id: string): Promise<SessionWithUser | null> {
    // A closed database is an outage to report, never something to paper over from memory.
    if (this.cache && this.database.isOpen()) {
      const cached = this.cache.get(id);
      if (cached) return cached;
    }
    const rows = await this.findWithUserRead([id]);
    const row = rows[0];
    if (!row) return null;
    const session: SessionWithUser = {
      id: row.id,
      userId: row.userId,
      csrfToken: row.csrfToken,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
      user: {
        id: row.userId,
        email: row.email,
        username: row.username,
        createdAt: row.userCreatedAt,
      },
    };
    this.cache?.set(session);
    return session;
  }

  private buildFindWithUser() {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as id',
        'sessions.user_id as userId',
        'sessions.csrf_token as csrfToken',
        'sessions.created_at as createdAt',
        'sessions.last_seen_at as lastSeenAt',
        'sessions.expires_at as expiresAt',
        'users.email as email',
        'users.username as username',
        'users.created_at as userCreatedAt',
      ])
      .where('sessions.id', '=', '');
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt })
      .where('id', '=', id)
      .execute();
    this.cache?.touch(id, lastSeenAt);
  }

  async delete(id: string): Promise<void> {
    this.cache?.delete(id);
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: string): Promise<void> {
    this.cache?.clear();
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** Removes sessions past their absolute expiry or idle since before `idleCutoff`. */
  async deleteStale(now: string, idleCutoff: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
      .executeTakeFirst();
    this.cache?.clear();
    return Number(result.numDeletedRows);
  }
}
