import type { CompiledQuery, Kysely } from 'kysely';
import { insertOnce } from '../db/compiled-query';
import type { DatabaseHandle } from '../db/database';
import type { CheckinsTable, Database } from '../db/schema';

export interface StoredCheckin {
  id: string;
  ownerId: string;
  mood: number;
  closeness: number;
  stress: number;
  noteCiphertext: string | null;
  riskLevel: string;
  timeZone: string;
  localDate: string;
  createdAt: string;
  updatedAt: string;
}

export class CheckinRepository {
  private readonly db: Kysely<Database>;

  /** The insert of every save, compiled once. */
  private readonly insertRow: (row: CheckinsTable) => CompiledQuery;

  constructor(private readonly database: DatabaseHandle) {
    this.db = database.db;
    this.insertRow = insertOnce(this.db, 'checkins', {
      id: true,
      user_id: true,
      mood: true,
      closeness: true,
      stress: true,
      note_ciphertext: true,
      risk_level: true,
      time_zone: true,
      local_date: true,
      created_at: true,
      updated_at: true,
    });
  }

  async insert(checkin: StoredCheckin): Promise<void> {
    // A save a person is told about: committed with any others arriving at the same moment.
    await this.database.write(this.insertRow(toRow(checkin)));
  }

  async findById(id: string): Promise<StoredCheckin | null> {
    const row = await this.db
      .selectFrom('checkins')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** The owner's check-ins between two local dates (inclusive), oldest first. */
  async listByOwner(ownerId: string, from?: string, to?: string): Promise<StoredCheckin[]> {
    let query = this.db.selectFrom('checkins').selectAll().where('user_id', '=', ownerId);
    if (from) query = query.where('local_date', '>=', from);
    if (to) query = query.where('local_date', '<=', to);
    const rows = await query.orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
    return rows.map(fromRow);
  }

  async update(checkin: StoredCheckin): Promise<void> {
    await this.db
      .updateTable('checkins')
      .set({
        mood: checkin.mood,
        closeness: checkin.closeness,
        stress: checkin.stress,
        note_ciphertext: checkin.noteCiphertext,
        risk_level: checkin.riskLevel,
        updated_at: checkin.updatedAt,
      })
      .where('id', '=', checkin.id)
      .where('user_id', '=', checkin.ownerId)
      .execute();
  }
}

/** A check-in as its row (also used by the import). */
export function toRow(checkin: StoredCheckin): CheckinsTable {
  return {
    id: checkin.id,
    user_id: checkin.ownerId,
    mood: checkin.mood,
    closeness: checkin.closeness,
    stress: checkin.stress,
    note_ciphertext: checkin.noteCiphertext,
    risk_level: checkin.riskLevel,
    time_zone: checkin.timeZone,
    local_date: checkin.localDate,
    created_at: checkin.createdAt,
    updated_at: checkin.updatedAt,
  };
}

function fromRow(row: CheckinsTable): StoredCheckin {
  return {
    id: row.id,
    ownerId: row.user_id,
    mood: Number(row.mood),
    closeness: Number(row.closeness),
    stress: Number(row.stress),
    noteCiphertext: row.note_ciphertext,
    riskLevel: row.risk_level,
    timeZone: row.time_zone,
    localDate: row.local_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
