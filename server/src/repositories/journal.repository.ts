import type { CompiledQuery, Kysely } from 'kysely';
import { insertOnce } from '../db/compiled-query';
import type { DatabaseHandle } from '../db/database';
import type { Database, JournalEntriesTable } from '../db/schema';

/** A journal row as stored: free text still encrypted. */
export interface StoredJournalEntry {
  id: string;
  ownerId: string;
  textCiphertext: string;
  tagsCiphertext: string;
  mood: number | null;
  riskLevel: string;
  createdAt: string;
  updatedAt: string;
}

export class JournalRepository {
  private readonly db: Kysely<Database>;

  /** The insert of every save, compiled once. */
  private readonly insertRow: (row: JournalEntriesTable) => CompiledQuery;

  constructor(private readonly database: DatabaseHandle) {
    this.db = database.db;
    this.insertRow = insertOnce(this.db, 'journal_entries', {
      id: true,
      user_id: true,
      text_ciphertext: true,
      tags_ciphertext: true,
      mood: true,
      risk_level: true,
      created_at: true,
      updated_at: true,
    });
  }

  async insert(entry: StoredJournalEntry): Promise<void> {
    // A save a person is told about: committed with any others arriving at the same moment.
    await this.database.write(this.insertRow(toRow(entry)));
  }

  /** Any owner's entry by id: only the access policy may call this for someone else's. */
  async findById(id: string): Promise<StoredJournalEntry | null> {
    const row = await this.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /**
   * One page of the owner's entries, newest first, and how many there are: the list without a
   * search reads and decrypts only what is shown (with every row it cost 2 ms for 200 entries).
   */
  async pageByOwner(
    ownerId: string,
    offset: number,
    limit: number,
  ): Promise<{ entries: StoredJournalEntry[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db
        .selectFrom('journal_entries')
        .selectAll()
        .where('user_id', '=', ownerId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.db
        .selectFrom('journal_entries')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .where('user_id', '=', ownerId)
        .executeTakeFirstOrThrow(),
    ]);
    return { entries: rows.map(fromRow), total: Number(count.total) };
  }

  /** The owner's entries, newest first. */
  async listByOwner(ownerId: string): Promise<StoredJournalEntry[]> {
    const rows = await this.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('user_id', '=', ownerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(fromRow);
  }

  async update(entry: StoredJournalEntry): Promise<void> {
    await this.db
      .updateTable('journal_entries')
      .set({
        text_ciphertext: entry.textCiphertext,
        tags_ciphertext: entry.tagsCiphertext,
        mood: entry.mood,
        risk_level: entry.riskLevel,
        updated_at: entry.updatedAt,
      })
      .where('id', '=', entry.id)
      .where('user_id', '=', entry.ownerId)
      .execute();
  }

  async delete(ownerId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('journal_entries')
      .where('id', '=', id)
      .where('user_id', '=', ownerId)
      .execute();
  }
}

/** An entry as its row (also used by the import). */
export function toRow(entry: StoredJournalEntry): JournalEntriesTable {
  return {
    id: entry.id,
    user_id: entry.ownerId,
    text_ciphertext: entry.textCiphertext,
    tags_ciphertext: entry.tagsCiphertext,
    mood: entry.mood,
    risk_level: entry.riskLevel,
    created_at: entry.createdAt,
    updated_at: entry.updatedAt,
  };
}

function fromRow(row: JournalEntriesTable): StoredJournalEntry {
  return {
    id: row.id,
    ownerId: row.user_id,
    textCiphertext: row.text_ciphertext,
    tagsCiphertext: row.tags_ciphertext,
    mood: row.mood === null ? null : Number(row.mood),
    riskLevel: row.risk_level,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
