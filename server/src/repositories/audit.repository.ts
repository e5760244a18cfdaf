import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface AuditEvent {
  id: string;
  userId: string | null;
  event: string;
  details: Record<string, string | number | boolean>;
  at: string;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(event: AuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        id: event.id,
        user_id: event.userId,
        event: event.event,
        details: JSON.stringify(event.details),
        at: event.at,
      })
      .execute();
  }

  async listByUser(userId: string): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('at', 'asc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      event: row.event,
      details: JSON.parse(row.details) as AuditEvent['details'],
      at: row.at,
    }));
  }
}
