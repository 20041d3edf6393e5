import { formatMinor, isCurrencyCode } from '../../core/money/index.js';
import type { ParsedStatement } from './types.js';

/** A balance that does not add up, with where: the statement's line (or entry) and the figures. */
export interface BalanceFinding {
  readonly code:
    | 'BANK_BALANCE_MISMATCH'
    | 'BANK_BALANCE_DISCONTINUITY'
    | 'BANK_BALANCE_CURRENCY'
    | 'BANK_LINE_BALANCE_MISMATCH';
  readonly statement: number;
  readonly line: number;
  readonly expected: string;
  readonly actual: string;
}

const show = (minor: number, currency: string) =>
  isCurrencyCode(currency) ? formatMinor(minor, currency) : String(minor);

/**
 * Checks each statement: opening + the sum of its lines = closing (where both are stated and in the
 * statement's currency), each line's stated running balance, and continuity: a statement of the
 * same account that follows another in the file (or `previousClosing`, the account's last stored
 * closing) opens with that closing. Findings name the statement (1-based) and the line.
 *
 * @example
 * checkBalances([{ opening: { amountMinor: 10000, … }, closing: { amountMinor: 9000, … }, lines: [{ amountMinor: -1000, … }] }]) // []
 */
export function checkBalances(
  statements: readonly ParsedStatement[],
  previousClosing: (account: string) => number | null = () => null,
): BalanceFinding[] {
  const out: BalanceFinding[] = [];
  const lastClosing = new Map<string, number>();
  statements.forEach((s, i) => {
    const statement = i + 1;
    const currency = s.currency ?? s.closing?.currency ?? '';
    const sameCurrency = [s.opening, s.closing].every((b) => b === null || b.currency === currency);
    if (!sameCurrency) {
      out.push({
        code: 'BANK_BALANCE_CURRENCY',
        statement,
        line: s.sourceLine,
        expected: currency,
        actual: [s.opening?.currency, s.closing?.currency].filter((c) => c).join('/'),
      });
    }
    const before = lastClosing.get(s.account.number) ?? previousClosing(s.account.number);
    if (
      s.opening !== null &&
      before !== null &&
      before !== undefined &&
      sameCurrency &&
      s.opening.amountMinor !== before
    ) {
      out.push({
        code: 'BANK_BALANCE_DISCONTINUITY',
        statement,
        line: s.sourceLine,
        expected: show(before, currency),
        actual: show(s.opening.amountMinor, currency),
      });
    }
    if (s.opening !== null && sameCurrency) {
      let running = s.opening.amountMinor;
      for (const l of s.lines) {
        running += l.amountMinor;
        if (l.balanceAfterMinor !== undefined && l.balanceAfterMinor !== running) {
          out.push({
            code: 'BANK_LINE_BALANCE_MISMATCH',
            statement,
            line: l.sourceLine,
            expected: show(running, currency),
            actual: show(l.balanceAfterMinor, currency),
          });
          running = l.balanceAfterMinor;
        }
      }
      if (s.closing !== null && running !== s.closing.amountMinor) {
        const lastLine = s.lines.at(-1)?.sourceLine ?? s.sourceLine;
        out.push({
          code: 'BANK_BALANCE_MISMATCH',
          statement,
          line: lastLine,
          expected: show(running, currency),
          actual: show(s.closing.amountMinor, currency),
        });
      }
    }
    if (s.closing !== null) lastClosing.set(s.account.number, s.closing.amountMinor);
  });
  return out;
}
