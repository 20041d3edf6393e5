/**
 * One string object for each distinct value: the driver makes a new string for every cell, so a
 * ledger of a million invoices would hold a million copies of each date and customer id. Sharing
 * them keeps loaded ledgers smaller (fewer objects to keep and to collect) and faster to read.
 *
 * @example
 * const pool = new SharedStrings();
 * pool.share(row.issued_on) === pool.share(other.issued_on); // true when the dates are equal
 */
export class SharedStrings {
  private readonly pool = new Map<string, string>();

  share(value: string): string {
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    this.pool.set(value, value);
    return value;
  }
}

/** The instalment list of every invoice without a schedule (defined with the ledger). */
export { NO_INSTALMENTS } from '../../core/receivables/index.js';
