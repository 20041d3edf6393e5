/**
 * Expected outcomes are returned, not thrown: a `Result` is either `ok` with a value
 * or an error carrying a stable SCREAMING_SNAKE code and the data a person needs to fix it.
 *
 * @example
 * const r = parsePositive('-1');
 * if (!r.ok) console.log(r.error.code); // 'NEGATIVE_AMOUNT'
 */
export type Result<T, E = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** Details that locate a problem for the person who has to fix it. */
export interface ErrorDetails {
  readonly file?: string;
  readonly row?: number;
  readonly field?: string;
  readonly value?: string;
  readonly expected?: string;
  readonly [key: string]: string | number | boolean | undefined;
}

/** An expected domain failure. `code` is stable and keys the i18n catalogues. */
export interface DomainError {
  readonly code: string;
  readonly details: ErrorDetails;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <E = DomainError>(error: E): Result<never, E> => ({ ok: false, error });

/** Shorthand for building a `DomainError` result. */
export const fail = (code: string, details: ErrorDetails = {}): Result<never, DomainError> => err({ code, details });

/** Returns the value or throws `DomainFailure`; for edges that turn results into exceptions. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DomainFailure(result.error);
}

/** A `DomainError` carried through an exception, for adapters (CLI, HTTP) that map codes to exits. */
export class DomainFailure extends Error {
  readonly code: string;
  readonly details: ErrorDetails;
  constructor(error: DomainError, options?: { cause?: unknown }) {
    super(`${error.code}${formatDetails(error.details)}`, options);
    this.name = 'DomainFailure';
    this.code = error.code;
    this.details = error.details;
  }
}

function formatDetails(details: ErrorDetails): string {
  const parts = Object.entries(details)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
