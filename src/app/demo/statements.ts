import type { FinancialStatement } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { localDate } from '../../core/time/index.js';
import type { CustomerProfile } from './profiles.js';

/** Rounds to whole thousands of yuan, as summary statements are. */
const k = (fen: number) => Math.round(fen / 100_000) * 100_000;

/** How healthy the buyer looked at the end of a year: leverage and EBIT margin. */
function health(profile: CustomerProfile, yearsBack: number, rng: Rng): { leverage: number; margin: number } {
  if (profile.role === 'insolvent') {
    return yearsBack === 0
      ? { leverage: rng.uniform(1.02, 1.15), margin: rng.uniform(-0.12, -0.06) }
      : { leverage: rng.uniform(0.82, 0.92), margin: rng.uniform(-0.02, 0.01) };
  }
  if (profile.role === 'deteriorating') {
    return yearsBack === 0
      ? { leverage: rng.uniform(0.84, 0.92), margin: rng.uniform(-0.04, -0.01) }
      : { leverage: rng.uniform(0.6, 0.72), margin: rng.uniform(0.02, 0.04) };
  }
  // The large late payer is slow, not weak: its accounts look like a sound builder's.
  const late = profile.role !== 'late' && (profile.segment === 'habitual_late' || profile.segment === 'at_risk');
  return {
    leverage: rng.uniform(late ? 0.6 : 0.35, late ? 0.78 : 0.65),
    margin: rng.uniform(late ? 0.01 : 0.03, late ? 0.05 : 0.11),
  };
}

/**
 * Coherent annual statements (assets = liabilities + equity; current items inside totals) for
 * the last `years` fiscal years to `lastYear`, scaled from what the buyer buys from us.
 *
 * @example
 * buildStatements(profile, 120_000_000, 2025, 3, rng) // FY2023..FY2025, weakest last for a failing buyer
 */
export function buildStatements(
  profile: CustomerProfile,
  ourSalesFen: number,
  lastYear: number,
  years: number,
  rng: Rng,
): FinancialStatement[] {
  const out: FinancialStatement[] = [];
  const scale = rng.uniform(12, 50) * Math.max(ourSalesFen, 50_000_000);
  const currency = profile.currency;
  for (let back = years - 1; back >= 0; back--) {
    const revenue = k(scale / 1.08 ** back);
    const { leverage, margin } = health(profile, back, rng);
    const totalAssets = k(revenue * rng.uniform(0.55, 1.1));
    const totalLiabilities = k(totalAssets * leverage);
    const bookEquity = totalAssets - totalLiabilities;
    const currentAssets = k(totalAssets * rng.uniform(0.5, 0.75));
    const ebit = k(revenue * margin);
    out.push({
      customerId: profile.customer.id,
      periodEnd: localDate(lastYear - back, 12, 31),
      currency,
      revenue,
      ebit,
      netIncome: k(ebit > 0 ? ebit * 0.75 : ebit * 1.15),
      totalAssets,
      currentAssets,
      currentLiabilities: k(totalLiabilities * rng.uniform(0.6, 0.85)),
      totalLiabilities,
      retainedEarnings: bookEquity > 0 ? k(bookEquity * rng.uniform(0.3, 0.6)) : k(bookEquity - totalAssets * 0.05),
      bookEquity,
      inventory: k(currentAssets * 0.3),
      receivables: k(currentAssets * 0.35),
      cash: k(currentAssets * rng.uniform(0.05, 0.18)),
      marketValueEquity: null,
      source: profile.currency === 'CNY' ? '企业年报（示例数据）' : 'annual accounts (demo data)',
    });
  }
  return out;
}
