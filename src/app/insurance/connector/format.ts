import { formatMoney } from '../../../i18n/format.js';
import { type Locale, translate } from '../../../i18n/index.js';
import type { SyncReport } from './sync.js';

/** The sync as the command line shows it: the counts, each decision written, the buyers not matched. */
export function formatSyncReport(r: SyncReport, locale: Locale): string {
  const t = (code: string, d: Record<string, unknown> = {}) => translate(code, d, locale);
  const lines = [
    t('INS_SYNC_SUMMARY', {
      insurer: r.insurer,
      policy: r.policyNumber,
      ...r.counts,
      dry: r.dryRun ? t('INS_SYNC_DRY') : '',
    }),
  ];
  for (const d of r.decisions)
    lines.push(
      `  ${d.customerCode.padEnd(10)} ${t(`INS_LIMIT_KIND_${d.kind}`).padEnd(14)} ${formatMoney(d.limitMinor, d.currency).padStart(18)} ${d.effectiveFrom}${d.cancelledOn ? ` → ${d.cancelledOn}` : ''}  ${t(`INS_SYNC_${d.action.toUpperCase()}`)}`,
    );
  for (const u of r.unmatched)
    lines.push(t('INS_SYNC_UNMATCHED', { buyer: u.buyerId, name: u.buyerName, nationalId: u.nationalId ?? '' }));
  lines.push(t('INS_SYNC_GRADES', { count: r.grades.length }));
  for (const g of r.grades) lines.push(`  ${g.customerCode ?? g.buyerId} ${g.buyerName}: ${g.grade} (${g.gradedOn})`);
  lines.push(t('INS_SYNC_CLAIMS', { count: r.claims.length }));
  for (const c of r.claims)
    lines.push(
      `  ${c.claimId} ${c.customerCode ?? c.buyerId} ${c.status} ${formatMoney(c.claimedMinor, c.currency)}${c.approvedMinor === null ? '' : ` / ${formatMoney(c.approvedMinor, c.currency)}`}`,
    );
  return lines.join('\n');
}
