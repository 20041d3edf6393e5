import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isWorkingDay, lastWorkingDayOfMonth } from '../../core/time/index.js';
import { demoCalendar } from './calendar.js';
import { generateDemoCompany } from './company.js';
import { recurringOutflowsOn } from './recurring.js';

/**
 * The demo dates money by core's business calendar, the one the forecast uses: payroll on the
 * last working day (never on a Spring Festival holiday), 结汇 on each month's last working day,
 * receipts, payments and FX quotes on working days.
 */
const { records, options } = generateDemoCompany({ asOf: '2025-03-31', seed: 3, customers: 20, invoices: 600 });
const cal = demoCalendar();

describe('the demo follows core’s business calendar', () => {
  test('payroll of January 2025 is paid on the 27th, before the Spring Festival, as the forecast schedules it', () => {
    const payroll = records.recurringItems.filter((i) => i.rule === 'monthly:last-working-day');
    assert.ok(payroll.length > 0);
    const days = [...recurringOutflowsOn(payroll, '2025-01-01', '2025-02-28', cal).keys()].sort();
    assert.deepEqual(days, ['2025-01-27', '2025-02-28']);
    const all = [...recurringOutflowsOn(records.recurringItems, options.start, options.asOf, cal).keys()];
    for (const on of all) assert.ok(isWorkingDay(cal, on), `recurring outflow on ${on}, a day off`);
  });

  test('the year-end bonus falls before the Spring Festival, on a working day', () => {
    const bonus = records.recurringItems.filter((i) => i.id.includes('bonus'));
    const days = [...recurringOutflowsOn(bonus, options.start, options.asOf, cal).keys()];
    assert.deepEqual(days, ['2023-01-12', '2024-01-31', '2025-01-17']);
  });

  test('结汇 happens on each month’s last working day', () => {
    assert.ok(records.fxConversions.length > 0);
    for (const c of records.fxConversions) assert.equal(c.on, lastWorkingDayOfMonth(cal, c.on));
    assert.ok(records.fxConversions.some((c) => c.on === '2025-01-27'));
  });

  test('receipts, payments and FX quotes fall on working days', () => {
    for (const r of records.receipts) assert.ok(isWorkingDay(cal, r.receivedOn), `receipt on ${r.receivedOn}`);
    for (const p of records.payments) assert.ok(isWorkingDay(cal, p.paidOn), `payment on ${p.paidOn}`);
    for (const f of records.fxRates) assert.ok(isWorkingDay(cal, f.on), `FX quote on ${f.on}`);
    assert.ok(!records.fxRates.some((f) => f.on === '2025-01-29'), 'no quote on the first day of the Spring Festival');
  });
});
