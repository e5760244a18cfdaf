import type { JournalEntry, JournalPage } from '../../../core/journal/journal-entry';
import type { ImportJournalEntry } from '../../../core/privacy/import-parse';
import type { RiskAssessment } from '../../../core/safety/risk';
import { safetyResponse, type SafetyResponse } from '../../../core/safety/safety-response';
import { storedRiskLevel } from '../../../core/safety/stored-risk';
import type { RegionCode } from '../../../core/safety/help-lines';
import type { AccessPolicy, Actor } from '../policies/access.policy';
import type { JournalRepository, StoredJournalEntry } from '../repositories/journal.repository';
import { newId } from './auth/tokens';
import type { Clock } from './clock';
import { inlineRiskChecker, type RiskChecker } from './safety/risk-checker';
import { isUnreadableText, type FieldLocation, type TextVault } from './privacy/text-vault';

export type { JournalEntry, JournalPage };

export interface JournalInput {
  text: string;
  mood?: number | null;
  tags?: string[];
}

export interface SavedEntry {
  entry: JournalEntry;
  safety: SafetyResponse;
}

/**
 * The journal. Text and tags are encrypted with the owner's key before they reach the
 * repository, and every save passes the risk check — which never blocks the save.
 */
export class JournalService {
  constructor(
    private readonly entries: JournalRepository,
    private readonly vault: TextVault,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
    private readonly risk: RiskChecker = inlineRiskChecker,
  ) {}

  async create(actor: Actor, input: JournalInput, region: RegionCode): Promise<SavedEntry> {
    const now = this.clock.now().toISOString();
    const id = newId();
    const tags = tidyTags(input.tags);
    const stored: StoredJournalEntry = {
      id,
      ownerId: actor.userId,
      textCiphertext: await this.vault.seal(location(actor.userId, id, 'text'), input.text),
      tagsCiphertext: await this.vault.seal(
        location(actor.userId, id, 'tags'),
        JSON.stringify(tags),
      ),
      mood: input.mood ?? null,
      riskLevel: 'none',
      createdAt: now,
      updatedAt: now,
    };
    const safety = safetyResponse(await this.risk.assess(input.text), region);
    stored.riskLevel = storedRiskLevel(safety);
    await this.entries.insert(stored);
    return {
      entry: { id, text: input.text, mood: stored.mood, tags, createdAt: now, updatedAt: now },
      safety,
    };
  }

  /** Newest first. Search decrypts and filters the owner's own entries: fine at one person's scale. */
  async list(
    actor: Actor,
    options: { ownerId?: string; query?: string; offset?: number; limit?: number },
  ): Promise<JournalPage> {
    const ownerId = options.ownerId ?? actor.userId;
    await this.policy.requireCollection(actor, 'read', 'journal', ownerId);
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 20;
    const terms = searchTerms(options.query ?? '');
    if (terms.length === 0) {
      // Without a search only the page shown is read and decrypted.
      const { entries: stored, total } = await this.entries.pageByOwner(ownerId, offset, limit);
      const page = await Promise.all(stored.map((entry) => this.openForList(entry)));
      return {
        entries: page,
        total,
        nextOffset: offset + limit < total ? offset + limit : null,
      };
    }
    const stored = await this.entries.listByOwner(ownerId);
    const entries = (await Promise.all(stored.map((entry) => this.openForList(entry)))).filter(
      (entry) => {
        if (entry.unreadable) return false;
        const haystack = `${entry.text}\n${entry.tags.join(' ')}`.toLocaleLowerCase('en-GB');
        return terms.every((term) => haystack.includes(term));
      },
    );
    const page = entries.slice(offset, offset + limit);
    return {
      entries: page,
      total: entries.length,
      nextOffset: offset + limit < entries.length ? offset + limit : null,
    };
  }

  async get(actor: Actor, id: string): Promise<JournalEntry> {
    const stored = await this.policy.requireRecord(actor, 'read', 'journal', () =>
      this.entries.findById(id),
    );
    return this.open(stored);
  }

  async update(
    actor: Actor,
    id: string,
    input: JournalInput,
    region: RegionCode,
  ): Promise<SavedEntry> {
    const stored = await this.policy.requireRecord(actor, 'update', 'journal', () =>
      this.entries.findById(id),
    );
    const tags = input.tags === undefined ? await this.openTags(stored) : tidyTags(input.tags);
    const safety = safetyResponse(await this.risk.assess(input.text), region);
    const updated: StoredJournalEntry = {
      ...stored,
      textCiphertext: await this.vault.seal(location(stored.ownerId, id, 'text'), input.text),
      tagsCiphertext: await this.vault.seal(
        location(stored.ownerId, id, 'tags'),
        JSON.stringify(tags),
      ),
      mood: input.mood === undefined ? stored.mood : input.mood,
      riskLevel: storedRiskLevel(safety),
      updatedAt: this.clock.now().toISOString(),
    };
    await this.entries.update(updated);
    return {
      entry: {
        id,
        text: input.text,
        mood: updated.mood,
        tags,
        createdAt: stored.createdAt,
        updatedAt: updated.updatedAt,
      },
      safety,
    };
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const stored = await this.policy.requireRecord(actor, 'delete', 'journal', () =>
      this.entries.findById(id),
    );
    await this.entries.delete(stored.ownerId, stored.id);
  }

  /**
   * An entry brought in from an export (ImportService), sealed for the actor under a new id
   * with its times kept; its text passes the risk check like any entry. Not saved here: the
   * import saves everything together, in one transaction.
   */
  async sealForImport(
    actor: Actor,
    item: ImportJournalEntry,
  ): Promise<{ stored: StoredJournalEntry; risk: RiskAssessment }> {
    await this.policy.requireCollection(actor, 'create', 'journal', actor.userId);
    const id = newId();
    const tags = tidyTags(item.tags);
    const risk = await this.risk.assess(item.text);
    return {
      stored: {
        id,
        ownerId: actor.userId,
        textCiphertext: await this.vault.seal(location(actor.userId, id, 'text'), item.text),
        tagsCiphertext: await this.vault.seal(
          location(actor.userId, id, 'tags'),
          JSON.stringify(tags),
        ),
        mood: item.mood,
        riskLevel: storedRiskLevel(risk),
        createdAt: item.createdAt,
        updatedAt: item.updatedAt,
      },
      risk,
    };
  }

  /** Every entry of the owner, decrypted: for export. */
  async all(actor: Actor): Promise<JournalEntry[]> {
    await this.policy.requireCollection(actor, 'read', 'journal', actor.userId, 'exported');
    const stored = await this.entries.listByOwner(actor.userId);
    return Promise.all(stored.map((entry) => this.openForList(entry)));
  }

  /** Like `open`, but a damaged entry is marked unreadable instead of failing the whole list. */
  private async openForList(stored: StoredJournalEntry): Promise<JournalEntry> {
    try {
      return await this.open(stored);
    } catch (error) {
      if (!isUnreadableText(error)) throw error;
      return {
        id: stored.id,
        text: '',
        mood: stored.mood,
        tags: [],
        createdAt: stored.createdAt,
        updatedAt: stored.updatedAt,
        unreadable: true,
      };
    }
  }

  private async open(stored: StoredJournalEntry): Promise<JournalEntry> {
    return {
      id: stored.id,
      text: await this.vault.open(
        location(stored.ownerId, stored.id, 'text'),
        stored.textCiphertext,
      ),
      mood: stored.mood,
      tags: await this.openTags(stored),
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
    };
  }

  private async openTags(stored: StoredJournalEntry): Promise<string[]> {
    return JSON.parse(
      await this.vault.open(location(stored.ownerId, stored.id, 'tags'), stored.tagsCiphertext),
    ) as string[];
  }
}

/** Integrity failures of stored text, as opposed to bugs. */
function location(ownerId: string, recordId: string, field: 'text' | 'tags'): FieldLocation {
  return { table: 'journal_entries', column: `${field}_ciphertext`, recordId, ownerId };
}

/** Tags are trimmed, de-duplicated (ignoring case) and kept in the order given. */
export function tidyTags(tags: string[] | undefined): string[] {
  const seen = new Set<string>();
  const tidy: string[] = [];
  for (const tag of tags ?? []) {
    const trimmed = tag.trim();
    const key = trimmed.toLocaleLowerCase('en-GB');
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    tidy.push(trimmed);
  }
  return tidy;
}

function searchTerms(query: string): string[] {
  return query
    .toLocaleLowerCase('en-GB')
    .split(/\s+/)
    .filter((term) => term !== '');
}
