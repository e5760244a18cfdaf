import type { Actor } from '../policies/access.policy';
import type { PersonalDataRepository } from '../repositories/personal-data.repository';
import type { AuthService } from './auth/auth.service';
import type { AuditService } from './privacy/audit.service';
import type { TextVault } from './privacy/text-vault';

/** Leaving Closer: everything goes, at once, after the password is typed again. */
export class AccountService {
  constructor(
    private readonly auth: AuthService,
    private readonly data: PersonalDataRepository,
    private readonly vault: TextVault,
    private readonly audit: AuditService,
  ) {}

  /**
   * Destroys the person's data key first (crypto-shredding: any copy of their encrypted rows,
   * a backup included, becomes unreadable), then deletes every row of theirs in one
   * transaction. The audit keeps only that an account was deleted, with no link to it.
   */
  async deleteAccount(actor: Actor, password: string): Promise<void> {
    await this.auth.confirmPassword(actor.userId, password);
    await this.vault.destroyKey(actor.userId);
    await this.auth.endAllSessions(actor.userId);
    await this.data.deleteAll(actor.userId);
    await this.audit.record('account-deleted', null);
  }
}
