import type { ClaimHistoryEntry } from '../../db/stores/insurance-claims.js';
import { formatMoney, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { ClaimView } from './claims.js';

const t = (code: string, data: Readonly<Record<string, unknown>>, locale: Locale) =>
  translate(code, { ...data }, locale);

/** `insurance claim list` in words: one row per claim with its status, indemnity and missing documents. */
export function formatClaimList(claims: readonly ClaimView[], locale: Locale): string {
  if (claims.length === 0) return t('INS_CLAIMS_NONE', {}, locale);
  const head = ['CLAIM', 'CUSTOMER', 'INVOICE', 'ON', 'CLAIMED', 'INDEMNITY', 'STATUS', 'DOCUMENTS'];
  const rows = claims.map((c) => [
    c.number,
    `${c.customerCode} ${c.customerName}`,
    c.invoiceNumber ?? '',
    c.claimOn,
    formatMoney(c.amountClaimedMinor, c.currency),
    formatMoney(c.indemnity.indemnityMinor, c.currency),
    t(`INS_CLAIM_STATUS_${c.status}`, {}, locale),
    `${c.documents.length - c.missingDocuments.length}/${c.documents.length}`,
  ]);
  return [
    t('INS_CLAIMS_TITLE', { count: claims.length }, locale),
    renderTable([head.map((h) => t(`INS_COL_${h}`, {}, locale)), ...rows], [4, 5]),
  ].join('\n');
}

/** `insurance claim show` in words: amounts and indemnity, dates, recovery split, documents, history. */
export function formatClaim(
  c: ClaimView & { readonly history?: readonly ClaimHistoryEntry[] },
  locale: Locale,
): string {
  const m = (x: number | null) => (x === null ? '—' : formatMoney(x, c.currency));
  const lines = [
    t(
      'INS_CLAIM_TITLE',
      {
        number: c.number,
        customer: `${c.customerCode} ${c.customerName}${c.invoiceNumber ? ` / ${c.invoiceNumber}` : ''}`,
        status: t(`INS_CLAIM_STATUS_${c.status}`, {}, locale),
      },
      locale,
    ),
    t(
      'INS_CLAIM_AMOUNTS',
      {
        claimed: m(c.amountClaimedMinor),
        claimOn: c.claimOn,
        before: m(c.recoveriesBeforeMinor),
        indemnity: m(c.indemnity.indemnityMinor),
        loss: m(c.indemnity.indemnifiableLossMinor),
        firstLoss: m(c.indemnity.firstLossMinor),
        capped: m(c.indemnity.cappedMinor),
      },
      locale,
    ),
    t(
      'INS_CLAIM_DATES',
      {
        filedOn: c.filedOn ?? '—',
        decidedOn: c.decidedOn ?? '—',
        approved: m(c.approvedMinor),
        paid: m(c.paidMinor),
        paidOn: c.paidOn ?? '—',
        expectedOn: c.expectedIndemnityOn ?? '—',
      },
      locale,
    ),
  ];
  if (c.recoveriesAfterMinor > 0)
    lines.push(
      t(
        'INS_CLAIM_RECOVERIES',
        {
          after: m(c.recoveriesAfterMinor),
          toInsurer: m(c.recoverySplit.toInsurerMinor),
          toInsured: m(c.recoverySplit.toInsuredMinor),
        },
        locale,
      ),
    );
  lines.push('', t('INS_CLAIM_DOCUMENTS', {}, locale));
  for (const d of c.documents)
    lines.push(
      `  ${t(`INS_CLAIM_DOC_${d.document}`, {}, locale)}: ${
        d.receivedOn === null
          ? t('INS_CLAIM_MISSING', {}, locale)
          : t('INS_CLAIM_RECEIVED', { on: d.receivedOn }, locale)
      }`,
    );
  if (c.history && c.history.length > 0) {
    lines.push('');
    for (const h of c.history)
      lines.push(`  ${h.on}  ${t(`INS_CLAIM_STATUS_${h.status}`, {}, locale)}${h.note ? `  ${h.note}` : ''}`);
  }
  return lines.join('\n');
}
