import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { compileOnce, insertOnce } from '../db/compiled-query';
import type { DatabaseHandle } from '../db/database';
import type { Database, ExerciseEntriesTable } from '../db/schema';

export type EntryStatus = 'draft' | 'completed';

/** An exercise entry as stored: the values and the feeling still encrypted. */
export interface StoredExerciseEntry {
  id: string;
  ownerId: string;
  exerciseId: string;
  /** The version of the exercise's fields the entry was made with. */
  exerciseVersion: number;
  /** Counted up on every save. */
  revision: number;
  status: EntryStatus;
  valuesCiphertext: string;
  feelingCiphertext: string | null;
  /** The risk check's level for the values at the last save; null if saved before it was kept. */
  riskLevel: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** Exercise entries. Every query names the owner, except `findById`. */
export class ExerciseEntryRepository {
  private readonly db: Kysely<Database>;

  private readonly insertRow: (row: ExerciseEntriesTable) => CompiledQuery;

  /**
   * The autosave, compiled once: it runs as the person types, and building and compiling it
   * with Kysely each time cost about as much as running it (docs/decisions/0003).
   */
  private readonly saveValues: (values: {
    id: string;
    user_id: string;
    values_ciphertext: string;
    risk_level: string | null;
    updated_at: string;
    revision: number;
    base_revision: number;
  }) => CompiledQuery;

  constructor(private readonly database: DatabaseHandle) {
    this.db = database.db;
    this.insertRow = insertOnce(this.db, 'exercise_entries', {
      id: true,
      user_id: true,
      exercise_id: true,
      exercise_version: true,
      revision: true,
      status: true,
      values_ciphertext: true,
      feeling_ciphertext: true,
      risk_level: true,
      created_at: true,
      updated_at: true,
      completed_at: true,
    });
    this.saveValues = compileOnce(
      [
        'id',
        'user_id',
        'values_ciphertext',
        'risk_level',
        'updated_at',
        'revision',
        'base_revision',
      ],
      (standIn) =>
        this.db
          .updateTable('exercise_entries')
          .set({
            values_ciphertext: standIn.values_ciphertext,
            risk_level: standIn.risk_level,
            updated_at: standIn.updated_at,
            revision: standIn.revision,
          })
          .where('id', '=', standIn.id)
          .where('user_id', '=', standIn.user_id)
          .where('revision', '=', standIn.base_revision)
          .compile(),
    );
  }

  async insert(entry: StoredExerciseEntry): Promise<void> {
    // A save a person is told about: committed with any others arriving at the same moment.
    await this.database.write(this.insertRow(toRow(entry)));
  }

  /**
   * Replaces the values of a draft or entry (the autosave), only if the stored revision is
   * still `baseRevision`; `entry.revision` is the new one. Answers the row as stored afterwards,
   * so the caller can tell whether this save is the one stored (and, if not, what is).
   *
   * The write goes through the group commit like every save; whether it changed a row is read
   * back rather than counted, because the group commit does not report counts, and the row
   * read back is what a refused save must answer anyway.
   */
  async updateValues(
    entry: StoredExerciseEntry,
    baseRevision: number,
  ): Promise<StoredExerciseEntry | null> {
    await this.database.write(
      this.saveValues({
        id: entry.id,
        user_id: entry.ownerId,
        values_ciphertext: entry.valuesCiphertext,
        risk_level: entry.riskLevel,
        updated_at: entry.updatedAt,
        revision: entry.revision,
        base_revision: baseRevision,
      }),
    );
    return this.findOwned(entry.ownerId, entry.id);
  }

  /**
   * Replaces the values whatever the stored revision, which counts on by one: a save that
   * asked for "the latest wins". Answers the row as stored afterwards.
   */
  async overwriteValues(entry: StoredExerciseEntry): Promise<StoredExerciseEntry | null> {
    await this.database.write(
      this.db
        .updateTable('exercise_entries')
        .set({
          values_ciphertext: entry.valuesCiphertext,
          risk_level: entry.riskLevel,
          updated_at: entry.updatedAt,
          revision: sql<number>`revision + 1`,
        })
        .where('id', '=', entry.id)
        .where('user_id', '=', entry.ownerId)
        .compile(),
    );
    return this.findOwned(entry.ownerId, entry.id);
  }

  /**
   * Marks an entry completed, with its last values and how it felt, only if the stored
   * revision is still `baseRevision`. Answers the row as stored afterwards (see `updateValues`).
   */
  async complete(
    entry: StoredExerciseEntry,
    baseRevision: number,
  ): Promise<StoredExerciseEntry | null> {
    await this.database.write(
      this.db
        .updateTable('exercise_entries')
        .set({
          status: entry.status,
          values_ciphertext: entry.valuesCiphertext,
          feeling_ciphertext: entry.feelingCiphertext,
          risk_level: entry.riskLevel,
          updated_at: entry.updatedAt,
          completed_at: entry.completedAt,
          revision: entry.revision,
        })
        .where('id', '=', entry.id)
        .where('user_id', '=', entry.ownerId)
        .where('revision', '=', baseRevision)
        .compile(),
    );
    return this.findOwned(entry.ownerId, entry.id);
  }

  /** The owner's entry by id. */
  async findOwned(ownerId: string, id: string): Promise<StoredExerciseEntry | null> {
    const row = await this.db
      .selectFrom('exercise_entries')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** Any owner's entry by id: only the access policy may call this for someone else's. */
  async findById(id: string): Promise<StoredExerciseEntry | null> {
    const row = await this.db
      .selectFrom('exercise_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** The owner's entries of one exercise (or of all), newest first. */
  async listByOwner(ownerId: string, exerciseId?: string): Promise<StoredExerciseEntry[]> {
    let query = this.db.selectFrom('exercise_entries').selectAll().where('user_id', '=', ownerId);
    if (exerciseId !== undefined) query = query.where('exercise_id', '=', exerciseId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(fromRow);
  }

  /** The owner's completed entries, oldest first: the history the planner reads. */
  async listCompleted(ownerId: string): Promise<StoredExerciseEntry[]> {
    const rows = await this.db
      .selectFrom('exercise_entries')
      .selectAll()
      .where('user_id', '=', ownerId)
      .where('status', '=', 'completed')
      .orderBy('completed_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(fromRow);
  }

  /** The owner's drafts (entries not yet completed), oldest first: what a plan counts as started. */
  async listDrafts(ownerId: string): Promise<StoredExerciseEntry[]> {
    const rows = await this.db
      .selectFrom('exercise_entries')
      .selectAll()
      .where('user_id', '=', ownerId)
      .where('status', '=', 'draft')
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(fromRow);
  }

  async delete(ownerId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('exercise_entries')
      .where('id', '=', id)
      .where('user_id', '=', ownerId)
      .execute();
  }
}

/** An entry as its row (also used by the import). */
export function toRow(entry: StoredExerciseEntry): ExerciseEntriesTable {
  return {
    id: entry.id,
    user_id: entry.ownerId,
    exercise_id: entry.exerciseId,
    exercise_version: entry.exerciseVersion,
    revision: entry.revision,
    status: entry.status,
    values_ciphertext: entry.valuesCiphertext,
    feeling_ciphertext: entry.feelingCiphertext,
    risk_level: entry.riskLevel,
    created_at: entry.createdAt,
    updated_at: entry.updatedAt,
    completed_at: entry.completedAt,
  };
}

function fromRow(row: ExerciseEntriesTable): StoredExerciseEntry {
  return {
    id: row.id,
    ownerId: row.user_id,
    exerciseId: row.exercise_id,
    exerciseVersion: Number(row.exercise_version),
    revision: Number(row.revision),
    status: row.status === 'completed' ? 'completed' : 'draft',
    valuesCiphertext: row.values_ciphertext,
    feelingCiphertext: row.feeling_ciphertext,
    riskLevel: row.risk_level ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}
