/**
 * One table maps error codes to process exit codes, so scripts can tell a bad input file from
 * a missing organisation from a crash. Codes not listed exit with 1.
 */
const EXIT_CODES: Record<string, number> = {
  NO_ORGANISATION: 3,
  ORGANISATION_NOT_FOUND: 3,
  ORGANISATION_AMBIGUOUS: 3,
  ORGANISATION_EXISTS: 3,
  IMPORT_REJECTED: 4,
  FILE_NOT_FOUND: 5,
  INVALID_ARGUMENT: 2,
  FORECAST_INVALID_PERIODS: 2,
  FORECAST_INVALID_SCENARIO_PARAM: 2,
  FORECAST_INVALID_SETTING: 2,
  FORECAST_SCENARIO_NOT_FOUND: 2,
};

export const EXIT_INTERNAL = 70;

export function exitCodeFor(code: string): number {
  return EXIT_CODES[code] ?? 1;
}
