import {
  CURRENT_PRIVACY_NOTICE,
  HEALTH_DATA_CONSENT,
  isConsentCurrent,
  type PrivacyNotice,
} from '../../../core/consent/privacy-notice';
import { DomainError } from '../../../core/errors/domain-error';
import { t } from '../../../core/i18n/translate';
import type { ConsentRecord, ConsentRepository } from '../repositories/consent.repository';
import { newId } from './auth/tokens';
import type { Clock } from './clock';

export interface ConsentStatus {
  current: boolean;
  latest: ConsentRecord | null;
}

export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly clock: Clock,
  ) {}

  notice(): PrivacyNotice {
    return CURRENT_PRIVACY_NOTICE;
  }

  async status(userId: string): Promise<ConsentStatus> {
    const latest = await this.consents.latest(userId, HEALTH_DATA_CONSENT);
    return { current: isConsentCurrent(latest), latest };
  }

  /**
   * Records consent to the version the person read. Agreeing to an older version than the
   * one now published is refused, so nobody consents to words they were not shown.
   */
  async give(userId: string, version: string): Promise<void> {
    if (version !== CURRENT_PRIVACY_NOTICE.version) {
      throw new DomainError('consent_version_outdated', t('api.consent_version_outdated'), {
        currentVersion: CURRENT_PRIVACY_NOTICE.version,
      });
    }
    const status = await this.status(userId);
    if (status.current) return;
    await this.consents.give({
      id: newId(),
      userId,
      kind: HEALTH_DATA_CONSENT,
      version,
      givenAt: this.clock.now().toISOString(),
    });
  }

  async withdraw(userId: string): Promise<void> {
    await this.consents.withdraw(userId, HEALTH_DATA_CONSENT, this.clock.now().toISOString());
  }

  /** Throws `consent_required` unless the person's consent covers the current notice. */
  async requireCurrent(userId: string): Promise<void> {
    const status = await this.status(userId);
    if (!status.current) {
      throw new DomainError(
        'consent_required',
        'Please read the privacy notice and agree to it before using this part of Closer.',
      );
    }
  }
}
