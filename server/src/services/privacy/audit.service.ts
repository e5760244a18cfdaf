import type { AuditRepository } from '../../repositories/audit.repository';
import { newId } from '../auth/tokens';
import type { Clock } from '../clock';

/** The security events we keep. Details never hold health content or free text. */
export type AuditEventName =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-in-throttled'
  | 'sign-up'
  | 'sign-out'
  | 'consent-given'
  | 'consent-withdrawn'
  | 'research-consent-given'
  | 'research-consent-withdrawn'
  | 'export'
  | 'import'
  | 'account-deleted';

export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(
    event: AuditEventName,
    userId: string | null,
    details: Record<string, string | number | boolean> = {},
  ): Promise<void> {
    await this.audit.insert({
      id: newId(),
      userId,
      event,
      details,
      at: this.clock.now().toISOString(),
    });
  }

  list(userId: string) {
    return this.audit.listByUser(userId);
  }
}
