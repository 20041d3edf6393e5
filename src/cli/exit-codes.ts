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
  PASSWORD_TOO_SHORT: 2,
  PASSWORD_TOO_LONG: 2,
  PASSWORD_NUL: 2,
  PASSWORD_MISSING: 2,
  ORG_DELETE_CONFIRM: 2,
  LOGIN_FAILED: 2,
  UNKNOWN_CURRENCY: 2,
  BACKUP_UNREADABLE: 5,
  RESTORE_TARGET_NOT_EMPTY: 3,
  // Input the app layer refused (a blank reason, a bad order reference): a bad argument too.
  VALIDATION_FAILED: 2,
  CUSTOMER_NOT_FOUND: 3,
  ONBOARDING_ITEM_NOT_RECORDABLE: 2,
  CREDIT_HOLD_OVERRIDE_FORBIDDEN: 2,
  CREDIT_HOLD_NOT_HELD: 2,
  HISTORY_FILE_NOT_FOUND: 5,
  HISTORY_FILE_UNREADABLE: 5,
  FORECAST_INVALID_PERIODS: 2,
  FORECAST_INVALID_SCENARIO_PARAM: 2,
  FORECAST_INVALID_SETTING: 2,
  FORECAST_SCENARIO_NOT_FOUND: 2,
  STRESS_UNKNOWN_SHOCK: 2,
  // Financial-distress scoring (`score financials`): a file that cannot be read or written → 5,
  // including the shipped model files; bad content in the input → 4.
  ARFF_READ_FAILED: 5,
  FINANCIALS_READ_FAILED: 5,
  MODEL_READ_FAILED: 5,
  MODEL_INVALID: 5,
  MODEL_UNKNOWN_FEATURE: 5,
  OUTPUT_WRITE_FAILED: 5,
  ARFF_BAD_ATTRIBUTE: 4,
  ARFF_UNSUPPORTED_ATTRIBUTE: 4,
  ARFF_BAD_HEADER: 4,
  ARFF_NO_DATA: 4,
  ARFF_BAD_ROW: 4,
  ARFF_BAD_NUMBER: 4,
  ARFF_BAD_CLASS: 4,
  FINANCIALS_BAD_CSV: 4,
  FINANCIALS_BAD_NUMBER: 4,
  FINANCIALS_MISSING_COLUMN: 4,
  FINANCIALS_BAD_CLASS: 4,
  ALTMAN_MISSING_ITEM: 4,
  ALTMAN_NON_POSITIVE_DENOMINATOR: 4,
  // CreditRisk+ on files (`stress creditriskplus`): a file that cannot be read → 5, bad content → 4,
  // a loss unit that does not fit the book → 2.
  CRP_FILE_UNREADABLE: 5,
  CRP_BAD_CSV: 4,
  CRP_EMPTY_FILE: 4,
  CRP_MISSING_COLUMN: 4,
  CRP_BAD_NUMBER: 4,
  CRP_BAD_VALUE: 4,
  CRP_DUPLICATE_RATING: 4,
  CRP_DUPLICATE_SECTOR: 4,
  CRP_UNKNOWN_RATING: 4,
  CRP_MISSING_SECTOR: 4,
  CRP_INVALID_OBLIGOR: 4,
  CRP_INVALID_SETTING: 2,
  CRP_LOSS_UNIT_TOO_SMALL: 2,
};

export const EXIT_INTERNAL = 70;

export function exitCodeFor(code: string): number {
  return Object.hasOwn(EXIT_CODES, code) ? (EXIT_CODES[code] as number) : 1;
}
