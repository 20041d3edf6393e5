import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The public data sets the back-tests read: `../shared/data` beside the checkout (README). */
const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/**
 * The path of a file or folder of the shared public data, or null when it is not there (a checkout
 * without the data beside it): back-test tests then skip with `SHARED_DATA_MISSING` as the reason.
 *
 * @example
 * const ibm = sharedDataPath('ibm-accounts-receivable/invoices.csv');
 * test('IBM back-test', { skip: ibm === null && SHARED_DATA_MISSING }, async () => { … });
 */
export function sharedDataPath(relative: string): string | null {
  const path = SHARED_DATA + relative;
  return existsSync(path) ? path : null;
}

export const SHARED_DATA_MISSING = `the shared data is not beside this checkout (${SHARED_DATA}): skipped`;
