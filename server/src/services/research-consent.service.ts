import {
  CURRENT_RESEARCH_NOTICE,
  isResearchConsentCurrent,
  RESEARCH_CONSENT,
  type ResearchNotice,
} from '../../../core/consent/research-notice';
import { DomainError } from '../../../core/errors/domain-error';
import { t } from '../../../core/i18n/translate';
import type { ConsentRepository } from '../repositories/consent.repository';
import { newId } from './auth/tokens';
import type { Clock } from './clock';
import type { ResearchPoolService } from './research-pool.service';

/**
 * The optional research consent, kept in the same consent ledger as the health-data consent
 * (kind `research`): one row per time it is given, marked when withdrawn, never overwritten.
 */
export class ResearchConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly pool: ResearchPoolService,
    private readonly clock: Clock,
  ) {}

  notice(): ResearchNotice {
    return CURRENT_RESEARCH_NOTICE;
  }

  /** True when the person's research consent covers the current notice. */
  async isCurrent(userId: string): Promise<boolean> {
    return isResearchConsentCurrent(await this.consents.latest(userId, RESEARCH_CONSENT));
  }

  /** Records consent to the version the person read; an older version is refused. */
  async give(userId: string, version: string): Promise<void> {
    if (version !== CURRENT_RESEARCH_NOTICE.version) {
      throw new DomainError('research_notice_outdated', t('api.research_notice_outdated'), {
        currentVersion: CURRENT_RESEARCH_NOTICE.version,
      });
    }
    if (await this.isCurrent(userId)) return;
    await this.consents.give({
      id: newId(),
      userId,
      kind: RESEARCH_CONSENT,
      version,
      givenAt: this.clock.now().toISOString(),
    });
  }

  /** Stops future copies at once, and removes copies still waiting to join the pool. */
  async withdraw(userId: string): Promise<void> {
    await this.consents.withdraw(userId, RESEARCH_CONSENT, this.clock.now().toISOString());
    await this.pool.withdraw(userId);
  }
}
