import { creditCodeCheckChar } from '../../core/credit/reviews/credit-code.js';

/**
 * Test support: credit-data exports laid out as 企查查 writes them — a sheet per section, a merged
 * title row and a note (导出时间) above each table's header, dates as text in several forms,
 * amounts with 万 and 元 — written with exceljs.
 */

/** A valid unified social credit code (GB 32100 check character) from its first 17 characters. */
export function creditCode(first17: string): string {
  return `${first17}${creditCodeCheckChar(first17)}`;
}

export const SAMPLE_CODE = creditCode('91310115MA1H7GQ28');

export type Cell = string | number | null;

export interface SheetSpec {
  readonly name: string;
  readonly title?: string;
  readonly note?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Key-value 基本信息 sheet as the services lay it out (label, value, label, value). */
export function registrationSheet(facts: {
  name: string;
  code: string;
  capital: string;
  founded: string;
  status: string;
}): SheetSpec {
  return {
    name: '基本信息',
    title: `${facts.name} 企业信用报告（企查查）`,
    note: '导出时间：2026-12-01 09:30',
    header: ['企业名称', facts.name, '统一社会信用代码', facts.code],
    rows: [
      ['法定代表人', '张三', '成立日期', facts.founded],
      ['注册资本', facts.capital, '登记状态', facts.status],
    ],
  };
}

/** The 企查查 export of the worked example: registration, shareholders and five event sections. */
export function sampleReport(code = SAMPLE_CODE): SheetSpec[] {
  return [
    registrationSheet({
      name: '上海丙方商贸有限公司',
      code,
      capital: '1000万人民币',
      founded: '2015年6月18日',
      status: '存续（在营、开业、在册）',
    }),
    {
      name: '股东信息',
      title: '股东信息',
      note: '数据来源：企查查',
      header: ['序号', '股东名称', '持股比例', '认缴出资额'],
      rows: [
        [1, '张三', '60%', '600万元'],
        [2, '李四', '40%', '400万元'],
      ],
    },
    {
      name: '失信被执行人',
      title: '失信被执行人',
      note: '数据来源：企查查  导出时间：2026-12-01',
      header: ['序号', '案号', '执行法院', '立案日期', '发布日期', '涉案金额', '履行情况', '失信行为具体情形'],
      rows: [
        [
          1,
          '(2026)沪0115执12345号',
          '上海市浦东新区人民法院',
          '2026/8/3',
          '2026-10-12',
          '86.5万元',
          '全部未履行',
          '有履行能力而拒不履行生效法律文书确定义务',
        ],
      ],
    },
    {
      name: '被执行人',
      title: '被执行人',
      header: ['序号', '案号', '立案日期', '执行标的(元)', '执行法院'],
      rows: [[1, '(2026)沪0115执12345号', '2026年8月3日', 865000, '上海市浦东新区人民法院']],
    },
    {
      name: '裁判文书',
      title: '裁判文书',
      header: ['序号', '案号', '案由', '案件身份', '裁判日期', '涉案金额'],
      rows: [
        [1, '(2026)沪0115民初2001号', '买卖合同纠纷', '被告', '2026-05-20', '86.5万'],
        [2, '(2025)沪0115民初9001号', '买卖合同纠纷', '原告', '2025-11-02', '12万'],
      ],
    },
    {
      name: '经营异常',
      title: '经营异常',
      header: ['序号', '列入日期', '列入经营异常名录原因', '移出日期', '作出决定机关'],
      rows: [[1, '2024/3/5', '未依照规定公示年度报告', '2024/9/10', '上海市浦东新区市场监督管理局']],
    },
    {
      name: '行政处罚',
      title: '行政处罚',
      header: ['序号', '决定文书号', '违法行为类型', '处罚金额', '处罚机关', '处罚决定日期'],
      rows: [[1, '沪市监浦处〔2025〕152号', '虚假宣传', '5万元', '上海市浦东新区市场监督管理局', '2025-07-01']],
    },
  ];
}

/** The workbook as XLSX bytes: per sheet a merged title row, a note, then the header and rows. */
export async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const width = Math.max(s.header.length, 2);
    if (s.title !== undefined) {
      ws.addRow([s.title]);
      ws.mergeCells(ws.rowCount, 1, ws.rowCount, width);
    }
    if (s.note !== undefined) {
      ws.addRow([s.note]);
      ws.mergeCells(ws.rowCount, 1, ws.rowCount, width);
    }
    ws.addRow([...s.header]);
    for (const r of s.rows) ws.addRow([...r]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
