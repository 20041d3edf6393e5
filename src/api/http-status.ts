/** One table maps error codes to HTTP statuses; anything not listed is a 400. */
const HTTP_STATUS: Readonly<Record<string, number>> = {
  NOT_FOUND: 404,
  DISPUTE_ALREADY_RESOLVED: 409,
  // Trade credit insurance: no policy has started yet.
  INS_NO_POLICY: 404,
  // The insurer connector: not set up → 409; the insurer's API failed → 502/503/504.
  INS_CONNECTOR_NOT_SET: 409,
  INS_CONNECTOR_UNKNOWN_POLICY: 409,
  INS_API_UNAUTHORISED: 502,
  INS_API_REFUSED: 502,
  INS_API_SERVER_ERROR: 502,
  INS_API_BAD_BODY: 502,
  INS_API_RATE_LIMITED: 503,
  INS_API_UNREACHABLE: 504,
  INS_CLAIM_NOT_FOUND: 404,
  INS_CLAIM_BAD_STATUS: 409,
  INS_CLAIM_DOCUMENTS_MISSING: 409,
  ORGANISATION_NOT_FOUND: 404,
  NO_ORGANISATION: 404,
  ORGANISATION_AMBIGUOUS: 409,
  ORGANISATION_EXISTS: 409,
  VERSION_CONFLICT: 409,
  SUBSCRIPTION_NEEDS_PERSON: 403,
  INVALID_ARGUMENT: 400,
  STRESS_UNKNOWN_SHOCK: 400,
  // saved scenarios: a name not saved is not found; a second scenario of one name conflicts
  SCENARIO_NOT_FOUND: 404,
  SCENARIO_EXISTS: 409,
  SCENARIO_INVALID_FIELD: 400,
  INTERNAL_ERROR: 500,
  // requests
  VALIDATION_FAILED: 400,
  UNKNOWN_FIELD: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ROUTE_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  // accounts
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_A_MEMBER: 403,
  CREDIT_HOLD_OVERRIDE_FORBIDDEN: 403,
  ACCOUNT_LOCKED: 429,
  TOO_MANY_ATTEMPTS: 429,
  INVITATION_INVALID: 400,
  INVITATION_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  LAST_OWNER: 409,
  ALREADY_MEMBER: 409,
  DEMO_PASSWORD_UNCHANGED: 409,
  // records
  RECORD_NOT_FOUND: 404,
  // bank statements and cash application
  BANK_ACCOUNT_NOT_FOUND: 404,
  MATCH_PROPOSAL_NOT_FOUND: 404,
  REFERENCE_NOT_FOUND: 404,
  // a reference to no record of the caller's organisation (the importer's codes for the same refusal)
  UNKNOWN_CUSTOMER: 404,
  UNKNOWN_SUPPLIER: 404,
  UNKNOWN_INVOICE: 404,
  UNKNOWN_BILL: 404,
  UNKNOWN_BANK_ACCOUNT: 404,
  RECORD_DUPLICATE: 409,
  RECORD_IN_USE: 409,
  IMPORT_UPLOAD_MISSING: 400,
  IMPORT_BUSY: 503,
  // credit: recording an item the checklist reads from the customer record is wrong whatever the
  // state (a property of the request, not a conflict with a record), so 400 like other bad input
  ONBOARDING_ITEM_NOT_RECORDABLE: 400,
  // alerts: one of another organisation is not found; an action its status does not allow conflicts
  ALERT_NOT_FOUND: 404,
  ALERT_TRANSITION_INVALID: 409,
};

export function httpStatusFor(code: string): number {
  return Object.hasOwn(HTTP_STATUS, code) ? (HTTP_STATUS[code] as number) : 400;
}
