import { resolveRegion, type RegionCode } from '../../../../core/safety/help-lines';

/** The cookie the help page sets when a person picks their country (server/src/http/region.ts). */
const REGION_COOKIE = 'closer_region';

function chosenRegion(): string | null {
  const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${REGION_COOKIE}=([^;]*)`));
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * The person's region for help lines, worked out in the browser: the country they picked on
 * the help page, else their browser's languages, else the UK.
 */
export function personRegion(): RegionCode {
  return resolveRegion(chosenRegion(), navigator.languages);
}
