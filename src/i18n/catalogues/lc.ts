/**
 * Letters of credit (issue 22, DOMAIN 7.7): the UCP 600 red-flag checklist, why a credit does not
 * secure its receivable, and the statuses, in both languages.
 */
export const en: Record<string, string> = {
  LC_CHECK_issuing_bank_authenticated:
    'The issuing bank is known and the credit is authenticated through SWIFT (checked with the advising bank).',
  LC_CHECK_irrevocable: 'The credit is irrevocable.',
  LC_CHECK_confirmed_if_high_risk:
    'A sound bank confirms the credit where the issuing bank or its country is high-risk.',
  LC_CHECK_no_soft_clauses:
    'No soft clauses: no document issued by the applicant, no inspection certificate "signed by the buyer’s representative".',
  LC_CHECK_realistic_shipment_date: 'The latest shipment date is realistic.',
  LC_CHECK_presentation_period: 'The presentation period is neither very short nor longer than 21 days.',
  LC_CHECK_terms_match_contract: 'Beneficiary name, amounts and Incoterms match the contract.',
  LC_CHECK_no_advance_fees: 'No advance fees are requested.',
  LC_CHECK_documents_through_banks: 'Documents go through the banks; the buyer does not ask for them by courier.',
  LC_CHECK_STATE_pass: 'pass',
  LC_CHECK_STATE_flag: 'red flag',
  LC_CHECK_STATE_unknown: 'not checked',
  LC_UNSECURED_status: 'the credit is not in force (draft, refused or cancelled)',
  LC_UNSECURED_checklist_flag: 'the checklist has a red flag',
  LC_UNSECURED_checklist_unknown: 'the checklist is not complete',
  LC_UNSECURED_documents_not_examined: 'the documents have not been examined yet',
  LC_UNSECURED_documents_discrepant: 'the documents are discrepant',
  LC_UNSECURED_bank_not_sound: 'the paying bank is not judged sound',
  LC_UNSECURED_expired: 'the credit expired without presentation',
  LC_STATUS_draft: 'draft',
  LC_STATUS_accepted: 'accepted',
  LC_STATUS_presented: 'documents presented',
  LC_STATUS_honoured: 'honoured',
  LC_STATUS_refused: 'refused',
  LC_STATUS_expired: 'expired',
  LC_STATUS_cancelled: 'cancelled',
};

export const zhCN: Record<string, string> = {
  LC_CHECK_issuing_bank_authenticated: '开证行已知，信用证已经 SWIFT 核押（经通知行核实）。',
  LC_CHECK_irrevocable: '信用证不可撤销。',
  LC_CHECK_confirmed_if_high_risk: '开证行或其所在国家风险较高时，有资信良好的银行保兑。',
  LC_CHECK_no_soft_clauses: '无软条款：无由开证申请人出具的单据，无“须买方代表签字”的检验证书。',
  LC_CHECK_realistic_shipment_date: '最迟装运日合理可行。',
  LC_CHECK_presentation_period: '交单期既不过短，也不超过 21 天。',
  LC_CHECK_terms_match_contract: '受益人名称、金额和贸易术语与合同一致。',
  LC_CHECK_no_advance_fees: '未被要求预付任何费用。',
  LC_CHECK_documents_through_banks: '单据通过银行传递，买方未要求直接快递单据。',
  LC_CHECK_STATE_pass: '通过',
  LC_CHECK_STATE_flag: '风险信号',
  LC_CHECK_STATE_unknown: '未核查',
  LC_UNSECURED_status: '信用证未生效（草稿、被拒付或已撤销）',
  LC_UNSECURED_checklist_flag: '核查清单存在风险信号',
  LC_UNSECURED_checklist_unknown: '核查清单尚未完成',
  LC_UNSECURED_documents_not_examined: '单据尚未审核',
  LC_UNSECURED_documents_discrepant: '单据存在不符点',
  LC_UNSECURED_bank_not_sound: '付款银行资信未获认可',
  LC_UNSECURED_expired: '信用证已过期且未交单',
  LC_STATUS_draft: '草稿',
  LC_STATUS_accepted: '已接受',
  LC_STATUS_presented: '已交单',
  LC_STATUS_honoured: '已承付',
  LC_STATUS_refused: '已拒付',
  LC_STATUS_expired: '已过期',
  LC_STATUS_cancelled: '已撤销',
};
