/** Dunning messages (e-mail and letter templates per ladder stage) and their sending, in both languages. */
export const en: Record<string, string> = {
  COL_MSG_SUBJECT_courtesy_reminder: 'Invoices from {{org}} falling due soon',
  COL_MSG_SUBJECT_reminder: 'Payment reminder: overdue invoices from {{org}}',
  COL_MSG_SUBJECT_formal_reminder: 'Formal reminder: overdue invoices and late interest, {{org}}',
  COL_MSG_SUBJECT_demand_letter: 'Demand for payment, {{org}}',
  COL_MSG_SUBJECT_final_notice: 'Final notice before collection steps, {{org}}',
  COL_MSG_GREETING: 'Dear {{customer}},',
  COL_MSG_INTRO_courtesy_reminder:
    'The invoices below fall due soon. Please tell us if any of them has not reached you or is not in order.',
  COL_MSG_INTRO_reminder:
    'Our records show the invoices below past their due date. If you have already paid, please ignore this reminder.',
  COL_MSG_INTRO_formal_reminder:
    'Despite our reminder, the invoices below remain unpaid. Late interest runs from the day after each due date, as shown.',
  COL_MSG_INTRO_demand_letter:
    'The invoices below are seriously overdue. We ask you to pay the amount due within 7 days; until the account is settled, new orders may be held.',
  COL_MSG_INTRO_final_notice:
    'This is our final notice. Unless the amount due is paid within 7 days, we will hand the debt over for collection or legal action without further notice.',
  COL_MSG_LINE: '- Invoice {{number}}, due {{due}}: {{amount}}',
  COL_MSG_LINE_LATE: ', {{days}} days overdue',
  COL_MSG_LINE_INTEREST: ', late interest to {{asOf}}: {{interest}}',
  COL_MSG_TOTAL_OPEN: 'Total of these invoices: {{amount}}',
  COL_MSG_TOTAL_OVERDUE: 'Total overdue: {{amount}}',
  COL_MSG_TOTAL_INTEREST: 'Late interest to {{asOf}}: {{amount}}',
  COL_MSG_INTEREST_BASIS_cn:
    'Late interest: 0.05 % a day, from the day after the due date (Regulations on Ensuring Payments to SMEs).',
  COL_MSG_INTEREST_BASIS_contract:
    'Late interest: the contract rate of {{rate}} a year, from the day after the due date.',
  COL_MSG_PAY_TO:
    'Please pay to {{holder}}, {{bank}}, account number {{account}} ({{currency}}), quoting the invoice numbers.',
  COL_MSG_PAY_TO_INVOICE: 'Please pay to the account stated on the invoices, quoting the invoice numbers.',
  COL_MSG_CLOSING: 'If a payment is already on its way or you have a question, please reply to this e-mail.',
  COL_MSG_SIGNATURE: 'Accounts receivable, {{org}}',
  COL_SEND_TITLE: 'Dunning e-mails for {{asOf}}{{dry}}',
  COL_SEND_DRY: ' (dry run: nothing sent)',
  COL_SEND_SENT: 'sent',
  COL_SEND_WOULD_SEND: 'would send',
  COL_SEND_LINE:
    '{{what}}: {{code}} {{name}}, stage {{stage}} ({{action}}), {{count}} invoice(s), {{amount}}, to {{to}} in {{language}}',
  COL_SEND_SKIP_NO_EMAIL: 'not sent: {{code}} {{name}}, stage {{stage}}: the customer has no e-mail address',
  COL_SEND_SKIP_ALREADY_SENT: 'not sent again: {{code}} {{name}}, stage {{stage}} was e-mailed before',
  COL_SEND_SKIP_FAILED:
    'not sent: {{code}} {{name}}, stage {{stage}}: the mail server refused it ({{error}}); it is tried again next run',
  COL_SEND_NONE: 'No dunning e-mail is due.',
  COL_SEND_NO_SMTP:
    'No SMTP settings (alerts.smtp): dunning e-mails cannot be sent. Use --dry-run to see what would go.',
  PROMISE_CURRENCIES_DIFFER:
    '{{field}}: the invoices are in different currencies ({{value}}): record one promise per currency.',
  COL_PROMISE_RECORDED: 'Promise recorded: {{customer}} pays {{amount}} by {{date}}{{invoice}} (id {{id}})',
  COL_PROMISE_FOR_INVOICE: ' for invoice {{number}}',
  COL_DISPUTE_RECORDED:
    'Dispute opened on invoice {{number}}: {{reason}}, {{amount}}, owner {{owner}} (id {{id}}); its dunning pauses.',
  COL_CONTACT_LOGGED: 'Logged: {{kind}} with {{customer}} at stage {{stage}}, {{count}} invoice(s)',
  COL_CONTACT_call: 'call',
  COL_CONTACT_letter: 'letter',
  COL_CONTACT_visit: 'visit',
};

export const zhCN: Record<string, string> = {
  COL_MSG_SUBJECT_courtesy_reminder: '{{org}}：发票即将到期提示',
  COL_MSG_SUBJECT_reminder: '{{org}}：逾期发票付款提醒',
  COL_MSG_SUBJECT_formal_reminder: '{{org}}：逾期发票及逾期利息正式催款通知',
  COL_MSG_SUBJECT_demand_letter: '{{org}}：催款函',
  COL_MSG_SUBJECT_final_notice: '{{org}}：移交催收前最后通知',
  COL_MSG_GREETING: '尊敬的{{customer}}：',
  COL_MSG_INTRO_courtesy_reminder: '以下发票即将到期。如有发票未收到或存在异议，请及时告知我们。',
  COL_MSG_INTRO_reminder: '根据我方记录，以下发票已超过付款期限。如您已付款，请忽略本提醒。',
  COL_MSG_INTRO_formal_reminder: '经我方提醒，以下发票仍未付清。逾期利息自各发票到期日次日起计算，明细如下。',
  COL_MSG_INTRO_demand_letter: '以下发票已严重逾期，请于7日内付清应付款项；账款结清前，新订单可能暂停发货。',
  COL_MSG_INTRO_final_notice: '此为最后通知。如7日内仍未付清欠款，我方将不再另行通知，直接移交催收或采取法律措施。',
  COL_MSG_LINE: '- 发票 {{number}}，到期日 {{due}}：{{amount}}',
  COL_MSG_LINE_LATE: '，已逾期 {{days}} 天',
  COL_MSG_LINE_INTEREST: '，截至 {{asOf}} 逾期利息：{{interest}}',
  COL_MSG_TOTAL_OPEN: '上述发票合计：{{amount}}',
  COL_MSG_TOTAL_OVERDUE: '逾期合计：{{amount}}',
  COL_MSG_TOTAL_INTEREST: '截至 {{asOf}} 逾期利息：{{amount}}',
  COL_MSG_INTEREST_BASIS_cn: '逾期利息：依《保障中小企业款项支付条例》，自到期日次日起按每日万分之五计算。',
  COL_MSG_INTEREST_BASIS_contract: '逾期利息：按合同约定年利率 {{rate}}，自到期日次日起计算。',
  COL_MSG_PAY_TO: '请付款至：户名 {{holder}}，开户行 {{bank}}，账号 {{account}}（{{currency}}），并注明发票号。',
  COL_MSG_PAY_TO_INVOICE: '请按发票所载账户付款，并注明发票号。',
  COL_MSG_CLOSING: '如款项已在支付途中或有任何疑问，请直接回复本邮件。',
  COL_MSG_SIGNATURE: '{{org}} 应收账款部',
  COL_SEND_TITLE: '{{asOf}} 催收邮件{{dry}}',
  COL_SEND_DRY: '（试运行：未发送）',
  COL_SEND_SENT: '已发送',
  COL_SEND_WOULD_SEND: '将发送',
  COL_SEND_LINE:
    '{{what}}：{{code}} {{name}}，第 {{stage}} 阶段（{{action}}），{{count}} 张发票，{{amount}}，发往 {{to}}，语言 {{language}}',
  COL_SEND_SKIP_NO_EMAIL: '未发送：{{code}} {{name}}，第 {{stage}} 阶段：客户没有电子邮件地址',
  COL_SEND_SKIP_ALREADY_SENT: '不重复发送：{{code}} {{name}}，第 {{stage}} 阶段已发送过',
  COL_SEND_SKIP_FAILED: '未发送：{{code}} {{name}}，第 {{stage}} 阶段：邮件服务器拒收（{{error}}），下次运行时重试',
  COL_SEND_NONE: '今日无催收邮件需发送。',
  COL_SEND_NO_SMTP: '未设置 SMTP（alerts.smtp），无法发送催收邮件。可用 --dry-run 查看将发送的内容。',
  PROMISE_CURRENCIES_DIFFER: '{{field}}：这些发票币种不同（{{value}}），请按币种分别记录付款承诺。',
  COL_PROMISE_RECORDED: '已记录付款承诺：{{customer}} 于 {{date}} 前支付 {{amount}}{{invoice}}（编号 {{id}}）',
  COL_PROMISE_FOR_INVOICE: '，对应发票 {{number}}',
  COL_DISPUTE_RECORDED:
    '已登记发票 {{number}} 的争议：{{reason}}，{{amount}}，负责人 {{owner}}（编号 {{id}}）；该发票暂停催收。',
  COL_CONTACT_LOGGED: '已记录：与 {{customer}} 的{{kind}}，第 {{stage}} 阶段，{{count}} 张发票',
  COL_CONTACT_call: '电话',
  COL_CONTACT_letter: '信函',
  COL_CONTACT_visit: '拜访',
};
