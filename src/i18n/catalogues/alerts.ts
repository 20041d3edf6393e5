/**
 * Alerts (issue 18): each rule's one-sentence reason and suggested action, levels, rules,
 * statuses and the CLI/API words, in both languages. Amounts arrive formatted (`overdue` beside
 * `overdueMinor`); codes in data (legal event types, scenarios, signals) arrive in words.
 */
export const en: Record<string, string> = {
  ALERT_LEVEL_info: 'info',
  ALERT_LEVEL_watch: 'watch',
  ALERT_LEVEL_warning: 'warning',
  ALERT_DIGEST_SUBJECT:
    'Daily alert digest of {{organisation}}, {{asOf}}: {{critical}} critical, {{warning}} warning, {{watch}} watch, {{info}} info',
  ALERT_DIGEST_COUNTS:
    'Open: {{critical}} critical, {{warning}} warning, {{watch}} watch, {{info}} info. New today: {{raised}}. Resolved today: {{resolved}}.',
  ALERT_DIGEST_MORE: '… and {{count}} more: see the alerts page.',
  ALERT_DIGEST_NOTHING: 'Nothing needs attention.',
  ALERT_CATEGORY_payment: 'payments',
  ALERT_CATEGORY_credit: 'credit',
  ALERT_CATEGORY_cash: 'cash',
  ALERT_CATEGORY_bills: 'acceptance bills',
  ALERT_CATEGORY_insurance: 'credit insurance',
  ALERT_CATEGORY_currency: 'currency',
  ALERT_CATEGORY_other: 'other',
  ALERT_LEVEL_critical: 'critical',
  ALERT_STATUS_open: 'open',
  ALERT_STATUS_acknowledged: 'acknowledged',
  ALERT_STATUS_snoozed: 'snoozed',
  ALERT_STATUS_resolved: 'resolved',
  ALERT_RULE_overdue_delay: 'Overdue: ordinary delay',
  ALERT_RULE_overdue_stage: 'Overdue',
  ALERT_RULE_overdue_default_signal: 'Overdue: default signal',
  ALERT_RULE_insolvency: 'Insolvency',
  ALERT_RULE_hard_override: 'Hard override',
  ALERT_RULE_legal_event: 'New legal record',
  ALERT_RULE_broken_promise: 'Broken promise to pay',
  ALERT_RULE_grade_drop: 'Grade drop',
  ALERT_RULE_over_limit: 'Over credit limit',
  ALERT_RULE_review_due: 'Credit review due',
  ALERT_RULE_buffer_breach: 'Cash below the buffer',
  ALERT_RULE_cash_negative: 'Cash below zero',
  ALERT_RULE_runway_short: 'Short runway',
  ALERT_RULE_metric_threshold: 'Working capital and concentration',
  ALERT_RULE_bill_maturing: 'Acceptance bill maturing',
  ALERT_RULE_bill_acceptor_listed: 'Bill acceptor on the overdue list',
  ALERT_RULE_insurance_deadline: 'Credit insurance deadline',
  ALERT_RULE_fx_over_limit: 'Currency exposure over the limit',
  ALERT_FX_POSITION_long: 'long (owed or held)',
  ALERT_FX_POSITION_short: 'short (owing)',
  ALERT_FX_DIRECTION_sell: 'sell',
  ALERT_FX_DIRECTION_buy: 'buy',
  ALERT_SCENARIO_base: 'base',
  ALERT_SCENARIO_optimistic: 'optimistic',
  ALERT_SCENARIO_pessimistic: 'pessimistic',
  ALERT_SIGNAL_insolvency: 'it is in insolvency proceedings',
  ALERT_SIGNAL_hard_override: 'it carries a hard override',
  ALERT_SIGNAL_legal_event: 'it has a live legal record',
  ALERT_SIGNAL_grade_drop: 'its grade dropped two or more steps',
  ALERT_SIGNAL_insurer_cancelled: 'the insurer cancelled its limit',
  ALERT_SIGNAL_unusual_lateness: 'the lateness is far outside its own pattern',

  ALERT_REASON_OVERDUE_ORDINARY:
    '{{name}} is {{daysLate}} days late on {{invoice}}, which is usual for it: {{percent}}% of its invoices are paid at least this late.',
  ALERT_REASON_OVERDUE_STAGE:
    '{{name}} has {{count}} overdue invoices ({{overdue}}); the oldest, {{invoice}}, is {{daysLate}} days past due.',
  ALERT_REASON_OVERDUE_SIGNAL_INSOLVENCY:
    '{{name}} is {{daysLate}} days late on {{invoice}} ({{overdue}} overdue) and is in insolvency proceedings.',
  ALERT_REASON_OVERDUE_SIGNAL_HARD_OVERRIDE:
    '{{name}} is {{daysLate}} days late on {{invoice}} ({{overdue}} overdue) and carries a hard credit override.',
  ALERT_REASON_OVERDUE_SIGNAL_LEGAL_EVENT:
    '{{name}} is {{daysLate}} days late on {{invoice}} ({{overdue}} overdue) after a new legal record: a default signal, not an ordinary delay.',
  ALERT_REASON_OVERDUE_SIGNAL_GRADE_DROP:
    '{{name}} is {{daysLate}} days late on {{invoice}} ({{overdue}} overdue) and its grade dropped two or more steps.',
  ALERT_REASON_OVERDUE_SIGNAL_INSURER_CANCELLED:
    '{{name}} is {{daysLate}} days late on {{invoice}} ({{overdue}} overdue) and the insurer cancelled its limit.',
  ALERT_REASON_OVERDUE_SIGNAL_UNUSUAL_LATENESS:
    '{{name}} is {{daysLate}} days late on {{invoice}}, far outside its own pattern: only {{percent}}% of its invoices are ever this late.',
  ALERT_ACTION_OVERDUE_ORDINARY: 'Send the usual reminder; nothing about its credit needs to change.',
  ALERT_ACTION_OVERDUE_INFO: 'Send a polite reminder and confirm the invoice was received.',
  ALERT_ACTION_OVERDUE_WATCH:
    'Send a formal reminder with the late-interest notice; file the insurer overdue notice if due.',
  ALERT_ACTION_OVERDUE_WARNING: 'Hold new orders, send a demand letter and offer a payment plan.',
  ALERT_ACTION_OVERDUE_CRITICAL: 'Stop deliveries and hand the debt to the insurer, a collector or a lawyer.',
  ALERT_ACTION_OVERDUE_SIGNAL:
    'Stop deliveries now, call the customer’s finance head today, and prepare the insurer notice or legal step.',

  ALERT_REASON_INSOLVENCY: '{{name}} is in insolvency proceedings since {{on}} ({{source}}); exposure {{exposure}}.',
  ALERT_ACTION_INSOLVENCY: 'File the claim with the administrator and the insurer; no new deliveries.',
  ALERT_REASON_HARD_OVERRIDE: '{{name}} carries a hard credit override ({{override}}): grade E, limit 0.',
  ALERT_ACTION_HARD_OVERRIDE: 'Keep it on credit hold; sell only against cash in advance or a bank acceptance bill.',
  ALERT_REASON_LEGAL_EVENT: '{{name}}: new legal record on {{on}}, {{type}} ({{source}}).',
  ALERT_REASON_BROKEN_PROMISE: '{{name}} promised to pay by {{promisedOn}} and did not (broken on {{brokenOn}}).',
  ALERT_ACTION_BROKEN_PROMISE:
    'Call the customer today: the dunning moves up one stage; agree a new date only with a payment plan or a first payment.',
  ALERT_ACTION_LEGAL_EVENT:
    'Review its credit now and check the record; report it to the insurer within 10 days if insured.',
  ALERT_REASON_GRADE_DROP: '{{name}} dropped from grade {{from}} to {{to}} since its last review.',
  ALERT_ACTION_GRADE_DROP: 'Review its limit now.',
  ALERT_REASON_OVER_LIMIT: '{{name}} owes {{exposure}} against a limit of {{limit}}: {{over}} over.',
  ALERT_ACTION_OVER_LIMIT: 'Hold orders above the limit, or approve a higher limit with a review.',
  ALERT_REASON_REVIEW_DUE: '{{name}}: its credit review is due (last reviewed {{lastReviewedOn}}).',
  ALERT_ACTION_REVIEW_DUE: 'Review its credit and record the review.',

  ALERT_REASON_BUFFER_BREACH:
    'In the {{scenario}} forecast, cash falls below the buffer of {{buffer}} in the week of {{startOn}} ({{closing}}).',
  ALERT_ACTION_BUFFER_BREACH: 'Bring collections forward, move payments, or arrange a draw on the credit line.',
  ALERT_REASON_CASH_NEGATIVE:
    'In the {{scenario}} forecast, cash goes below zero in the week of {{startOn}} ({{closing}}).',
  ALERT_ACTION_CASH_NEGATIVE: 'Arrange financing now: draw on a credit line, discount a bill, or delay payments.',
  ALERT_REASON_RUNWAY_SHORT:
    'In the {{scenario}} forecast, cash lasts {{runwayWeeks}} weeks, less than {{months}} months.',
  ALERT_ACTION_RUNWAY_SHORT: 'Plan financing and cost cuts for the coming quarter.',
  ALERT_ACTION_METRIC_THRESHOLD: 'Look at the metrics page and decide whether the trend needs action.',
  ALERT_REASON_BILL_MATURING: 'Acceptance bill {{bill}} ({{face}}, acceptor {{acceptor}}) matures on {{maturesOn}}.',
  ALERT_ACTION_BILL_MATURING: 'Present it for payment on time.',
  ALERT_REASON_BILL_ACCEPTOR_LISTED:
    'The acceptor of bill {{bill}} ({{face}}, due {{maturesOn}}), {{acceptor}}, is on the Shanghai Commercial Paper Exchange overdue-acceptor list since {{listedOn}}.',
  ALERT_ACTION_BILL_ACCEPTOR_LISTED: 'Do not endorse or discount its bills; plan for the bill not being paid.',
  ALERT_REASON_INSURANCE_DEADLINE:
    '{{name}} {{invoice}}: the {{deadline}} under policy {{policy}} is due on {{on}} (in {{inDays}} days).',
  ALERT_REASON_INSURANCE_DEADLINE_MISSED:
    '{{name}} {{invoice}}: the {{deadline}} under policy {{policy}} was due on {{on}}, {{daysMissed}} days ago: cover may be lost.',
  ALERT_REASON_INSURANCE_DEADLINE_MANY:
    '{{name}}: {{count}} invoices have their {{deadline}} under policy {{policy}} coming, the first on {{on}} (in {{inDays}} days, {{invoice}}).',
  ALERT_REASON_INSURANCE_DEADLINE_MISSED_MANY:
    '{{name}}: the {{deadline}} under policy {{policy}} is missed for {{missed}} of {{count}} invoices, the first due on {{on}}, {{daysMissed}} days ago ({{invoice}}): cover may be lost.',
  ALERT_ACTION_INSURANCE_DEADLINE:
    'Do the {{deadline}} with the insurer by {{on}} and record it; if it is missed, ask the insurer in writing whether cover stands.',
  ALERT_REASON_FX_OVER_LIMIT:
    'Unhedged {{fxCurrency}} exposure is {{net}} {{position}}, {{over}} above your limit of {{limit}}.',
  ALERT_ACTION_FX_OVER_LIMIT:
    'Book a forward to {{direction}} {{hedgeAmount}} (about {{hedgeBase}}) or reduce the open {{fxCurrency}} items.',

  ALERT_CLI_HEADING:
    'Alerts as of {{asOf}}: {{open}} open ({{critical}} critical, {{warning}} warning, {{watch}} watch, {{info}} info)',
  ALERT_CLI_RUN: 'Evaluated every rule: {{raised}} new, {{updated}} still firing, {{resolved}} resolved.',
  ALERT_CLI_NONE: 'Nothing needs attention.',
  ALERT_NOT_FOUND: 'No such alert in this organisation.',
  ALERT_TRANSITION_INVALID: 'An alert that is {{status}} cannot be {{action}}.',
};

export const zhCN: Record<string, string> = {
  ALERT_LEVEL_info: '提示',
  ALERT_LEVEL_watch: '关注',
  ALERT_LEVEL_warning: '警告',
  ALERT_DIGEST_SUBJECT:
    '{{organisation}} 每日预警摘要 {{asOf}}：严重 {{critical}} · 警告 {{warning}} · 关注 {{watch}} · 提示 {{info}}',
  ALERT_DIGEST_COUNTS:
    '未解除：严重 {{critical}}，警告 {{warning}}，关注 {{watch}}，提示 {{info}}。今日新增 {{raised}}，今日解除 {{resolved}}。',
  ALERT_DIGEST_MORE: '……另有 {{count}} 条，请到预警页面查看。',
  ALERT_DIGEST_NOTHING: '暂无需要关注的事项。',
  ALERT_CATEGORY_payment: '回款',
  ALERT_CATEGORY_credit: '信用',
  ALERT_CATEGORY_cash: '现金',
  ALERT_CATEGORY_bills: '承兑汇票',
  ALERT_CATEGORY_insurance: '信用保险',
  ALERT_CATEGORY_currency: '汇率',
  ALERT_CATEGORY_other: '其他',
  ALERT_LEVEL_critical: '严重',
  ALERT_STATUS_open: '待处理',
  ALERT_STATUS_acknowledged: '已确认',
  ALERT_STATUS_snoozed: '已暂缓',
  ALERT_STATUS_resolved: '已解除',
  ALERT_RULE_overdue_delay: '逾期：一般延迟',
  ALERT_RULE_overdue_stage: '逾期',
  ALERT_RULE_overdue_default_signal: '逾期：违约信号',
  ALERT_RULE_insolvency: '破产',
  ALERT_RULE_hard_override: '强制降级',
  ALERT_RULE_legal_event: '新增司法记录',
  ALERT_RULE_broken_promise: '付款承诺未兑现',
  ALERT_RULE_grade_drop: '评级下调',
  ALERT_RULE_over_limit: '超出信用额度',
  ALERT_RULE_review_due: '信用复审到期',
  ALERT_RULE_buffer_breach: '现金低于安全储备',
  ALERT_RULE_cash_negative: '现金为负',
  ALERT_RULE_runway_short: '现金可支撑期过短',
  ALERT_RULE_metric_threshold: '营运资金与集中度',
  ALERT_RULE_bill_maturing: '承兑汇票即将到期',
  ALERT_RULE_bill_acceptor_listed: '承兑人列入逾期名单',
  ALERT_RULE_insurance_deadline: '信用保险期限',
  ALERT_RULE_fx_over_limit: '外汇敞口超出限额',
  ALERT_FX_POSITION_long: '多头（应收或持有）',
  ALERT_FX_POSITION_short: '空头（应付）',
  ALERT_FX_DIRECTION_sell: '卖出',
  ALERT_FX_DIRECTION_buy: '买入',
  ALERT_SCENARIO_base: '基准',
  ALERT_SCENARIO_optimistic: '乐观',
  ALERT_SCENARIO_pessimistic: '悲观',
  ALERT_SIGNAL_insolvency: '已进入破产程序',
  ALERT_SIGNAL_hard_override: '触发强制降级',
  ALERT_SIGNAL_legal_event: '存在有效司法记录',
  ALERT_SIGNAL_grade_drop: '评级下调两级或以上',
  ALERT_SIGNAL_insurer_cancelled: '保险公司已取消其限额',
  ALERT_SIGNAL_unusual_lateness: '逾期远超其自身付款规律',

  ALERT_REASON_OVERDUE_ORDINARY:
    '{{name}} 的发票 {{invoice}} 已逾期 {{daysLate}} 天，符合其一贯付款习惯：其 {{percent}}% 的发票至少逾期这么久。',
  ALERT_REASON_OVERDUE_STAGE:
    '{{name}} 有 {{count}} 张逾期发票（{{overdue}}），最早的 {{invoice}} 已逾期 {{daysLate}} 天。',
  ALERT_REASON_OVERDUE_SIGNAL_INSOLVENCY:
    '{{name}} 的发票 {{invoice}} 已逾期 {{daysLate}} 天（逾期合计 {{overdue}}），且已进入破产程序。',
  ALERT_REASON_OVERDUE_SIGNAL_HARD_OVERRIDE:
    '{{name}} 的发票 {{invoice}} 已逾期 {{daysLate}} 天（逾期合计 {{overdue}}），且触发强制降级。',
  ALERT_REASON_OVERDUE_SIGNAL_LEGAL_EVENT:
    '{{name}} 在新增司法记录后，发票 {{invoice}} 已逾期 {{daysLate}} 天（逾期合计 {{overdue}}）：这是违约信号，而非一般延迟。',
  ALERT_REASON_OVERDUE_SIGNAL_GRADE_DROP:
    '{{name}} 的发票 {{invoice}} 已逾期 {{daysLate}} 天（逾期合计 {{overdue}}），且评级下调两级或以上。',
  ALERT_REASON_OVERDUE_SIGNAL_INSURER_CANCELLED:
    '{{name}} 的发票 {{invoice}} 已逾期 {{daysLate}} 天（逾期合计 {{overdue}}），且保险公司已取消其限额。',
  ALERT_REASON_OVERDUE_SIGNAL_UNUSUAL_LATENESS:
    '{{name}} 的发票 {{invoice}} 已逾期 {{daysLate}} 天，远超其自身付款规律：其发票只有 {{percent}}% 曾逾期这么久。',
  ALERT_ACTION_OVERDUE_ORDINARY: '按惯例发送催款提醒即可，无需调整其信用。',
  ALERT_ACTION_OVERDUE_INFO: '发送礼貌提醒，确认对方已收到发票。',
  ALERT_ACTION_OVERDUE_WATCH: '发送正式催款函并告知逾期利息；如已投保且到期，向保险公司报送逾期通知。',
  ALERT_ACTION_OVERDUE_WARNING: '暂停新订单，发送律师函前的催告函，并提出分期还款方案。',
  ALERT_ACTION_OVERDUE_CRITICAL: '停止发货，将债权移交保险公司、催收机构或律师。',
  ALERT_ACTION_OVERDUE_SIGNAL: '立即停止发货，今天联系客户财务负责人，并准备保险报损或法律措施。',

  ALERT_REASON_INSOLVENCY: '{{name}} 自 {{on}} 起进入破产程序（{{source}}），风险敞口 {{exposure}}。',
  ALERT_ACTION_INSOLVENCY: '向管理人申报债权并向保险公司索赔；不再发货。',
  ALERT_REASON_HARD_OVERRIDE: '{{name}} 触发强制降级（{{override}}）：评级 E，额度为 0。',
  ALERT_ACTION_HARD_OVERRIDE: '维持信用冻结；仅接受预付款或银行承兑汇票。',
  ALERT_REASON_LEGAL_EVENT: '{{name}}：{{on}} 新增司法记录，{{type}}（{{source}}）。',
  ALERT_REASON_BROKEN_PROMISE: '{{name}} 承诺于 {{promisedOn}} 前付款，未兑现（{{brokenOn}} 起视为违约）。',
  ALERT_ACTION_BROKEN_PROMISE: '今日致电客户：催收升一级；仅在约定还款计划或收到首付款后再约定新日期。',
  ALERT_ACTION_LEGAL_EVENT: '立即复审其信用并核实记录；如已投保，10 天内报告保险公司。',
  ALERT_REASON_GRADE_DROP: '{{name}} 自上次复审以来评级由 {{from}} 降至 {{to}}。',
  ALERT_ACTION_GRADE_DROP: '立即复审其信用额度。',
  ALERT_REASON_OVER_LIMIT: '{{name}} 风险敞口 {{exposure}}，额度 {{limit}}，超出 {{over}}。',
  ALERT_ACTION_OVER_LIMIT: '暂停超额订单，或经复审后批准更高额度。',
  ALERT_REASON_REVIEW_DUE: '{{name}}：信用复审已到期（上次复审 {{lastReviewedOn}}）。',
  ALERT_ACTION_REVIEW_DUE: '复审其信用并记录复审结果。',

  ALERT_REASON_BUFFER_BREACH: '{{scenario}}情景预测中，{{startOn}} 当周现金（{{closing}}）低于安全储备 {{buffer}}。',
  ALERT_ACTION_BUFFER_BREACH: '提前回款、推迟付款，或安排动用授信额度。',
  ALERT_REASON_CASH_NEGATIVE: '{{scenario}}情景预测中，{{startOn}} 当周现金为负（{{closing}}）。',
  ALERT_ACTION_CASH_NEGATIVE: '立即安排融资：动用授信、贴现票据或推迟付款。',
  ALERT_REASON_RUNWAY_SHORT: '{{scenario}}情景预测中，现金仅可支撑 {{runwayWeeks}} 周，不足 {{months}} 个月。',
  ALERT_ACTION_RUNWAY_SHORT: '为下一季度规划融资与成本削减。',
  ALERT_ACTION_METRIC_THRESHOLD: '查看指标页面，判断该趋势是否需要处理。',
  ALERT_REASON_BILL_MATURING: '承兑汇票 {{bill}}（{{face}}，承兑人 {{acceptor}}）将于 {{maturesOn}} 到期。',
  ALERT_ACTION_BILL_MATURING: '按时提示付款。',
  ALERT_REASON_BILL_ACCEPTOR_LISTED:
    '汇票 {{bill}}（{{face}}，{{maturesOn}} 到期）的承兑人 {{acceptor}} 自 {{listedOn}} 起列入票交所逾期名单。',
  ALERT_ACTION_BILL_ACCEPTOR_LISTED: '不要背书转让或贴现其票据；做好该票据不获兑付的准备。',
  ALERT_REASON_INSURANCE_DEADLINE:
    '{{name}} {{invoice}}：保单 {{policy}} 的{{deadline}}期限为 {{on}}（还有 {{inDays}} 天）。',
  ALERT_REASON_INSURANCE_DEADLINE_MISSED:
    '{{name}} {{invoice}}：保单 {{policy}} 的{{deadline}}期限 {{on}} 已过 {{daysMissed}} 天：可能失去保险保障。',
  ALERT_REASON_INSURANCE_DEADLINE_MANY:
    '{{name}}：{{count}} 张发票的{{deadline}}期限将至（保单 {{policy}}），最早为 {{on}}（还有 {{inDays}} 天，{{invoice}}）。',
  ALERT_REASON_INSURANCE_DEADLINE_MISSED_MANY:
    '{{name}}：保单 {{policy}} 的{{deadline}}期限已有 {{missed}}/{{count}} 张发票错过，最早为 {{on}}，已过 {{daysMissed}} 天（{{invoice}}）：可能失去保险保障。',
  ALERT_ACTION_INSURANCE_DEADLINE:
    '在 {{on}} 前向保险公司办理{{deadline}}并记录；如已错过，书面询问保险公司是否仍承保。',
  ALERT_REASON_FX_OVER_LIMIT:
    '未套保的 {{fxCurrency}} 敞口为 {{net}}，{{position}}，超出您设定的限额 {{limit}} 达 {{over}}。',
  ALERT_ACTION_FX_OVER_LIMIT:
    '办理远期{{direction}} {{hedgeAmount}}（约 {{hedgeBase}}），或减少未结 {{fxCurrency}} 款项。',

  ALERT_CLI_HEADING:
    '截至 {{asOf}} 的预警：{{open}} 条待处理（严重 {{critical}}，警告 {{warning}}，关注 {{watch}}，提示 {{info}}）',
  ALERT_CLI_RUN: '已评估全部规则：新增 {{raised}} 条，仍在触发 {{updated}} 条，已解除 {{resolved}} 条。',
  ALERT_CLI_NONE: '目前没有需要处理的事项。',
  ALERT_NOT_FOUND: '本组织没有这条预警。',
  ALERT_TRANSITION_INVALID: '状态为{{status}}的预警不能执行「{{action}}」。',
};
