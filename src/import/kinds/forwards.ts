import { validateFxForward } from '../../core/model/index.js';
import { type ColumnSpec, choices } from '../columns.js';
import type { KindSpec } from '../spec.js';

const DIRECTION = choices(['sell', 'buy'], {
  卖出: 'sell',
  结汇: 'sell',
  远期结汇: 'sell',
  买入: 'buy',
  购汇: 'buy',
  远期购汇: 'buy',
});

const FWD = [
  {
    key: 'reference',
    zh: '合约编号',
    aliases: ['编号', '合同编号', 'contract_no'],
    type: 'text',
    required: true,
    db: 'reference',
  },
  { key: 'trade_on', zh: '交易日', aliases: ['交易日期', 'trade_date'], type: 'date', required: true, db: 'trade_on' },
  { key: 'value_on', zh: '交割日', aliases: ['交割日期', 'value_date'], type: 'date', required: true, db: 'value_on' },
  {
    key: 'direction',
    zh: '买卖方向',
    aliases: ['方向', '交易方向'],
    type: 'choice',
    choices: DIRECTION,
    required: true,
    db: 'direction',
  },
  {
    key: 'currency',
    zh: '币种',
    aliases: ['交易币种', '外币'],
    type: 'currency',
    required: true,
    db: 'currency',
  },
  {
    key: 'amount',
    zh: '金额',
    aliases: ['交易金额', 'amount_minor'],
    type: 'amount',
    required: true,
    db: 'amount_minor',
  },
  {
    key: 'counter_currency',
    zh: '对应币种',
    aliases: ['本币', 'counter_currency_code'],
    type: 'currency',
    required: true,
    db: 'counter_currency',
  },
  {
    key: 'rate',
    zh: '合约汇率',
    aliases: ['远期汇率', '汇率', 'forward_rate'],
    type: 'rate',
    required: true,
    db: 'rate',
  },
  {
    key: 'counterparty',
    zh: '交易银行',
    aliases: ['银行', '交易对手', 'bank'],
    type: 'text',
    required: true,
    db: 'counterparty',
  },
] as const satisfies readonly ColumnSpec[];

/** Forward contracts (远期结汇 / 远期购汇), keyed by the bank's contract number; the core rule of the records API. */
export const fxForwards: KindSpec<null> = {
  kind: 'fx-forwards',
  table: 'fx_forwards',
  columns: FWD,
  idColumns: ['id'],
  key: (row) => row.reference as string,
  keyColumns: ['reference'],
  load: async () => null,
  complete: (row, _values, _state, ctx) =>
    ctx.violations(
      validateFxForward({
        direction: row.direction as string,
        currency: row.currency as string,
        counterCurrency: row.counter_currency as string,
        amountMinor: row.amount_minor as number,
        rate: row.rate as number,
        tradeOn: row.trade_on as string,
        valueOn: row.value_on as string,
      }),
    ),
};
