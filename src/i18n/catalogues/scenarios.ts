/** Messages of the 'scenarios' namespace: saved what-if scenarios, their errors and their assumptions in words. */
export const en: Record<string, string> = {
  SCENARIO_INVALID_FIELD: 'Scenario field {{field}} = {{value}} is not valid (expected {{expected}}).',
  SCENARIO_NOT_FOUND: 'No saved scenario named "{{value}}" (saved: {{expected}}).',
  SCENARIO_EXISTS: 'A scenario named "{{value}}" is saved already.',
  SCENARIO_FILE_UNREADABLE: 'Cannot read scenario file {{file}}: {{reason}}',
  SCENARIO_ASSUMPTION_customer_default:
    '{{customer}} defaults on {{on}}: nothing more is received from it from that day.',
  SCENARIO_ASSUMPTION_payment_delay_all: 'Every customer pays {{days}} days later than expected.',
  SCENARIO_ASSUMPTION_payment_delay_some: '{{customers}} pay {{days}} days later than expected.',
  SCENARIO_ASSUMPTION_sales_drop: 'Sales fall by {{percent}} % from {{fromMonth}}, and purchases with them.',
  SCENARIO_ASSUMPTION_credit_line_not_renewed:
    'The bank does not renew the credit lines: each ends at its renewal date and what is drawn is repaid.',
  SCENARIO_ASSUMPTION_new_loan:
    'A new loan of {{amount}} is received on {{on}}, repaid in {{count}} instalments ({{repaid}} in all) from {{first}} to {{last}}.',
  SCENARIO_ASSUMPTION_new_loan_unpaid:
    'A new loan of {{amount}} is received on {{on}}, with no repayment within the plan.',
  SCENARIO_ASSUMPTION_large_purchase: 'A large purchase of {{amount}} is paid on {{on}}.',
  SCENARIO_ASSUMPTION_large_purchase_named: '{{label}}: {{amount}} paid on {{on}}.',
  SCENARIO_ASSUMPTION_fx_down:
    '{{currency}} is {{percent}} % weaker: foreign-currency cash, receivables and payables are revalued.',
  SCENARIO_ASSUMPTION_fx_up:
    '{{currency}} is {{percent}} % stronger: foreign-currency cash, receivables and payables are revalued.',
  SCENARIO_ASSUMPTION_fx_all_down:
    'Every foreign currency is {{percent}} % weaker: foreign-currency cash, receivables and payables are revalued.',
  SCENARIO_ASSUMPTION_fx_all_up:
    'Every foreign currency is {{percent}} % stronger: foreign-currency cash, receivables and payables are revalued.',
  SCENARIO_ASSUMPTION_sales_factor: 'New sales change by {{percent}} %.',
  SCENARIO_ASSUMPTION_parameter: 'Forecast setting {{field}} is {{value}}.',
  SCENARIO_ASSUMPTION_none: 'No change from the base forecast.',
  SCENARIO_LIST_TITLE: 'Saved scenarios',
  SCENARIO_LIST_EMPTY: 'No scenario saved yet. Add one with: cashguard scenario add --file scenario.json',
  SCENARIO_COL_NAME: 'Name',
  SCENARIO_COL_ASSUMPTIONS: 'Assumptions',
  SCENARIO_SAVED: 'Scenario "{{name}}" saved.',
  SCENARIO_DELETED: 'Scenario "{{name}}" deleted.',
  SCENARIO_COMPARE_TITLE: 'Scenarios side by side',
  SCENARIO_COL_MIN_CASH: 'Minimum cash',
  SCENARIO_COL_FIRST_BREACH: 'First below minimum cash',
  SCENARIO_NO_BREACH: 'none',
};

export const zhCN: Record<string, string> = {
  SCENARIO_INVALID_FIELD: '情景字段 {{field}} = {{value}} 无效（应为 {{expected}}）。',
  SCENARIO_NOT_FOUND: '没有名为"{{value}}"的已保存情景（已保存：{{expected}}）。',
  SCENARIO_EXISTS: '名为"{{value}}"的情景已存在。',
  SCENARIO_FILE_UNREADABLE: '无法读取情景文件 {{file}}：{{reason}}',
  SCENARIO_ASSUMPTION_customer_default: '{{customer}} 于 {{on}} 违约：自该日起不再收到其任何款项。',
  SCENARIO_ASSUMPTION_payment_delay_all: '所有客户比预计晚 {{days}} 天付款。',
  SCENARIO_ASSUMPTION_payment_delay_some: '{{customers}} 比预计晚 {{days}} 天付款。',
  SCENARIO_ASSUMPTION_sales_drop: '自 {{fromMonth}} 起销售下降 {{percent}} %，采购随之下降。',
  SCENARIO_ASSUMPTION_credit_line_not_renewed: '银行不续授信：各额度于续期日终止，已提用部分须归还。',
  SCENARIO_ASSUMPTION_new_loan:
    '{{on}} 收到新贷款 {{amount}}，自 {{first}} 至 {{last}} 分 {{count}} 期还款（共 {{repaid}}）。',
  SCENARIO_ASSUMPTION_new_loan_unpaid: '{{on}} 收到新贷款 {{amount}}，计划期内不还款。',
  SCENARIO_ASSUMPTION_large_purchase: '{{on}} 支付一笔大额采购 {{amount}}。',
  SCENARIO_ASSUMPTION_large_purchase_named: '{{label}}：{{on}} 支付 {{amount}}。',
  SCENARIO_ASSUMPTION_fx_down: '{{currency}} 贬值 {{percent}} %：外币现金、应收和应付均按新汇率重估。',
  SCENARIO_ASSUMPTION_fx_up: '{{currency}} 升值 {{percent}} %：外币现金、应收和应付均按新汇率重估。',
  SCENARIO_ASSUMPTION_fx_all_down: '所有外币贬值 {{percent}} %：外币现金、应收和应付均按新汇率重估。',
  SCENARIO_ASSUMPTION_fx_all_up: '所有外币升值 {{percent}} %：外币现金、应收和应付均按新汇率重估。',
  SCENARIO_ASSUMPTION_sales_factor: '新增销售变动 {{percent}} %。',
  SCENARIO_ASSUMPTION_parameter: '预测参数 {{field}} 为 {{value}}。',
  SCENARIO_ASSUMPTION_none: '与基准预测相同。',
  SCENARIO_LIST_TITLE: '已保存的情景',
  SCENARIO_LIST_EMPTY: '尚未保存情景。可用 cashguard scenario add --file scenario.json 添加',
  SCENARIO_COL_NAME: '名称',
  SCENARIO_COL_ASSUMPTIONS: '假设',
  SCENARIO_SAVED: '情景"{{name}}"已保存。',
  SCENARIO_DELETED: '情景"{{name}}"已删除。',
  SCENARIO_COMPARE_TITLE: '情景对比',
  SCENARIO_COL_MIN_CASH: '最低现金',
  SCENARIO_COL_FIRST_BREACH: '首次低于最低现金',
  SCENARIO_NO_BREACH: '无',
};
