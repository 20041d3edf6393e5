import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DomainFailure } from '../../core/shared/index.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { describeEachDialect } from '../../db/test-support.js';
import { loadOpenInvoices } from '../bank/cash-application.js';
import { importEInvoices } from './import-einvoice.js';

const FIXTURES = new URL('../../../fixtures/einvoice/', import.meta.url).pathname;

describeEachDialect('数电票 import', (open) => {
  test('a sale imports as an invoice once; a red-letter invoice reverses it; a purchase is a bill', async () => {
    const db = await open();
    const dir = mkdtempSync(join(tmpdir(), 'cg-einvoice-'));
    try {
      await createOrganisation(db, {
        id: 'o1',
        name: '上海示例贸易有限公司',
        baseCurrency: 'CNY',
        createdAt: '2026-01-01T00:00:00Z',
      });
      // Red first by name: the blue invoice is still imported before it.
      copyFileSync(join(FIXTURES, 'red.xml'), join(dir, 'a-red.xml'));
      copyFileSync(join(FIXTURES, 'blue.xml'), join(dir, 'b-blue.xml'));
      const first = await importEInvoices(db, { orgId: 'o1', path: dir });
      assert.deepEqual(
        first.map((x) => [x.kind, x.number, x.isNew]),
        [
          ['invoice', '26312000000000001234', true],
          ['credit-note', '26312000000000005678', true],
        ],
      );
      const open1 = await loadOpenInvoices(db, 'o1', '2026-12-31');
      assert.deepEqual(
        open1.map((i) => [i.number, i.openMinor]),
        [['26312000000000001234', 904_00]],
      );
      const again = await importEInvoices(db, { orgId: 'o1', path: dir });
      assert.ok(again.every((x) => !x.isNew));
      assert.equal((await db.kysely.selectFrom('invoices').selectAll().execute()).length, 1);
      assert.equal((await db.kysely.selectFrom('credit_notes').selectAll().execute()).length, 1);
      const purchase = join(dir, 'purchase.xml');
      const xml = (await import('node:fs')).readFileSync(join(FIXTURES, 'blue.xml'), 'utf8');
      writeFileSync(
        purchase,
        xml
          .replace(/26312000000000001234/g, '26312000000000009999')
          .replace(
            '<SellerIdNum>91310000MA1FL00001</SellerIdNum><SellerName>上海示例贸易有限公司</SellerName>',
            '<SellerIdNum>91320500MA1X000003</SellerIdNum><SellerName>苏州供应商材料有限公司</SellerName>',
          )
          .replace(
            '<BuyerIdNum>91330100MA2B000002</BuyerIdNum><BuyerName>杭州甲方科技有限公司</BuyerName>',
            '<BuyerIdNum>91310000MA1FL00001</BuyerIdNum><BuyerName>上海示例贸易有限责任公司</BuyerName>',
          ),
      );
      const bought = await importEInvoices(db, { orgId: 'o1', path: purchase });
      assert.deepEqual(
        bought.map((x) => [x.kind, x.party]),
        [['bill', '苏州供应商材料有限公司']],
      );
      writeFileSync(join(dir, 'broken.xml'), '<EInvoice><EInvoiceData/></EInvoice>');
      await assert.rejects(
        importEInvoices(db, { orgId: 'o1', path: join(dir, 'broken.xml') }),
        (e: unknown) =>
          e instanceof DomainFailure && e.code === 'EINVOICE_MISSING_FIELD' && e.details.field === 'InvoiceNumber',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.close();
    }
  });
});
