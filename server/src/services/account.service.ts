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
    /**
     * Told when an account is deleted, to drop what they hold of it in memory (the progress
     * page's cache of decrypted answers). Other instances' copies go with their own eviction.
     */
    private readonly onDeleted: readonly ((userId: string) => void)[] = [],
  ) {}

  /**
   * Destroys the person's data key in the key store first (crypto-shredding: their encrypted
   * rows become unreadable wherever copies are, backups of the main database included), then
   * deletes every row of theirs in one transaction. If that fails, their text is already
   * unreadable, they are still signed in, and asking again completes the deletion. The audit
   * keeps only that an account was deleted, with no link to it.
   */
  async deleteAccount(actor: Actor, password: string): Promise<void> {
    await this.auth.confirmPassword(actor.userId, password);
    await this.vault.destroyKey(actor.userId);
    await this.data.deleteAll(actor.userId);
    // A request of theirs that was saving text meanwhile may have made a new key: gone too.
    await this.vault.destroyKey(actor.userId);
    await this.auth.endAllSessions(actor.userId);
    for (const forget of this.onDeleted) forget(actor.userId);
    await this.audit.record('account-deleted', null);
  }
}
