import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface UserRecord {
  id: string;
  email: string | null;
  username: string | null;
  passwordHash: string;
  createdAt: string;
}

export interface NewUser {
  id: string;
  email: string | null;
  username: string | null;
  passwordHash: string;
  createdAt: string;
}

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts a user; a duplicate email or username raises the database's unique error. */
  async create(user: NewUser): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email,
        username: user.username,
        password_hash: user.passwordHash,
        created_at: user.createdAt,
        updated_at: user.createdAt,
      })
      .execute();
  }

  /** Finds a user by a normalised email address or username. */
  async findByLogin(normalisedLogin: string, isEmail: boolean): Promise<UserRecord | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where(isEmail ? 'email' : 'username', '=', normalisedLogin)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }
}

function toRecord(row: Database['users']): UserRecord {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}
