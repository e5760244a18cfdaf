import type { CompiledQuery, Kysely } from 'kysely';
import { compileOnce } from '../db/compiled-query';
import type { DatabaseHandle } from '../db/database';
import type {
  ClosenessCheckDraftsTable,
  ClosenessCheckResponsesTable,
  Database,
} from '../db/schema';

/** A saved response as stored: the answers still encrypted. */
export interface StoredClosenessCheckResponse {
  id: string;
  ownerId: string;
  version: number;
  answersCiphertext: string;
  researchContributed: boolean;
  createdAt: string;
}

/** A person's unfinished Check as stored. */
export interface StoredClosenessCheckDraft {
  ownerId: string;
  version: number;
  answersCiphertext: string;
  updatedAt: string;
}

/** Closeness Check responses and drafts. Every query names the owner, except `findResponse`. */
export class ClosenessCheckRepository {
  private readonly db: Kysely<Database>;

  /**
   * The draft upsert, compiled once: it runs on every answer a person gives, and building
   * and compiling it with Kysely each time cost about as much as running it.
   */
  private readonly draftUpsert: (row: ClosenessCheckDraftsTable) => CompiledQuery;

  constructor(private readonly database: DatabaseHandle) {
    this.db = database.db;
    this.draftUpsert = compileOnce(
      ['user_id', 'version', 'answers_ciphertext', 'updated_at'],
      (standIn) =>
        this.db
          .insertInto('closeness_check_drafts')
          .values(standIn)
          .onConflict((conflict) =>
            conflict.column('user_id').doUpdateSet((update) => ({
              version: update.ref('excluded.version'),
              answers_ciphertext: update.ref('excluded.answers_ciphertext'),
              updated_at: update.ref('excluded.updated_at'),
            })),
          )
          .compile(),
    );
  }

  async insertResponse(response: StoredClosenessCheckResponse): Promise<void> {
    // A save a person is told about: committed with any others arriving at the same moment.
    await this.database.write(
      this.db.insertInto('closeness_check_responses').values(toResponseRow(response)).compile(),
    );
  }

  /** Any owner's response by id: only the access policy may call this for someone else's. */
  async findResponse(id: string): Promise<StoredClosenessCheckResponse | null> {
    const row = await this.db
      .selectFrom('closeness_check_responses')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? fromResponseRow(row) : null;
  }

  /** The owner's responses, newest first. */
  async listResponses(ownerId: string): Promise<StoredClosenessCheckResponse[]> {
    const rows = await this.db
      .selectFrom('closeness_check_responses')
      .selectAll()
      .where('user_id', '=', ownerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(fromResponseRow);
  }

  /** Whether the owner already gave a response of this version to the research pool. */
  async hasContributed(ownerId: string, version: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('closeness_check_responses')
      .select('id')
      .where('user_id', '=', ownerId)
      .where('version', '=', version)
      .where('research_contributed', '=', 1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Marks responses as no longer given to research (their queued copies were withdrawn). */
  async clearContributed(ownerId: string, responseIds: readonly string[]): Promise<void> {
    if (responseIds.length === 0) return;
    await this.db
      .updateTable('closeness_check_responses')
      .set({ research_contributed: 0 })
      .where('user_id', '=', ownerId)
      .where('id', 'in', responseIds)
      .execute();
  }

  async findDraft(ownerId: string): Promise<StoredClosenessCheckDraft | null> {
    const row = await this.db
      .selectFrom('closeness_check_drafts')
      .selectAll()
      .where('user_id', '=', ownerId)
      .executeTakeFirst();
    return row ? fromDraftRow(row) : null;
  }

  /** One draft per person: saving replaces it. Runs on every answer, so it is one statement. */
  async saveDraft(draft: StoredClosenessCheckDraft): Promise<void> {
    // A save a person relies on ("saved"): durable, and committed with others arriving at once.
    await this.database.write(this.draftUpsert(toDraftRow(draft)));
  }

  async deleteDraft(ownerId: string): Promise<void> {
    await this.db.deleteFrom('closeness_check_drafts').where('user_id', '=', ownerId).execute();
  }
}

/** A response as its row (also used by the import). */
export function toResponseRow(
  response: StoredClosenessCheckResponse,
): ClosenessCheckResponsesTable {
  return {
    id: response.id,
    user_id: response.ownerId,
    version: response.version,
    answers_ciphertext: response.answersCiphertext,
    research_contributed: response.researchContributed ? 1 : 0,
    created_at: response.createdAt,
  };
}

function fromResponseRow(row: ClosenessCheckResponsesTable): StoredClosenessCheckResponse {
  return {
    id: row.id,
    ownerId: row.user_id,
    version: Number(row.version),
    answersCiphertext: row.answers_ciphertext,
    researchContributed: Number(row.research_contributed) === 1,
    createdAt: row.created_at,
  };
}

/** A draft as its row (also used by the import). */
export function toDraftRow(draft: StoredClosenessCheckDraft): ClosenessCheckDraftsTable {
  return {
    user_id: draft.ownerId,
    version: draft.version,
    answers_ciphertext: draft.answersCiphertext,
    updated_at: draft.updatedAt,
  };
}

function fromDraftRow(row: ClosenessCheckDraftsTable): StoredClosenessCheckDraft {
  return {
    ownerId: row.user_id,
    version: Number(row.version),
    answersCiphertext: row.answers_ciphertext,
    updatedAt: row.updated_at,
  };
}
