import { isTimeZone } from '../../../core/checkins/local-date';
import { DomainError } from '../../../core/errors/domain-error';

/**
 * Checks a time zone sent by the app (check-ins, the plan): an IANA zone this runtime knows,
 * or absent. An unknown zone is refused with `time_zone_invalid` (400) rather than replaced
 * by the default, so a person's days are never quietly counted in the wrong zone.
 */
export function requireKnownTimeZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    throw new DomainError(
      'time_zone_invalid',
      `"${timeZone}" is not a time zone we know, such as Europe/London.`,
    );
  }
}
