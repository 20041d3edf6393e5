/** Thrown when an invariant the code relies on does not hold: a bug, never bad user input. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

/**
 * Asserts an invariant.
 *
 * @example
 * assert(weeks > 0, 'forecast needs at least one week');
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

/** Narrows a value that the caller knows is present (e.g. an index inside bounds). */
export function defined<T>(value: T | undefined | null, message: string): T {
  if (value === undefined || value === null) throw new InvariantError(message);
  return value;
}
