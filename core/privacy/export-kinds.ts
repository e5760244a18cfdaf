/**
 * The kinds of CSV a person can download from My data, one file each. The server offers
 * exactly these and the web app lists exactly these, so a new kind cannot be missed on
 * either side (each needs its label in the interface text too).
 */
export const CSV_KINDS = [
  'checkins',
  'journal',
  'safety-plan',
  'closeness-check',
  'exercises',
  'consents',
  'access-log',
] as const;

export type CsvKind = (typeof CSV_KINDS)[number];
