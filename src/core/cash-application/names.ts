/**
 * Payer names as banks print them, made comparable: full-width letters and digits to half-width
 * (NFKC), case and spaces and punctuation dropped, a branch in brackets or at the end dropped, and
 * the company form (有限公司, 有限责任公司, 股份有限公司, Co., Ltd., GmbH …) dropped, leaving the
 * name that tells one company from another.
 */

const BRANCH = /[(（][^()（）]*(分公司|分行|支行|办事处|分部|分厂|branch)[^()（）]*[)）]$/i;
const BRANCH_TAIL = /(?:[\u4e00-\u9fff]{2,6}(?:分公司|分行|支行|办事处|分部|分厂))$/;
const FORMS = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '公司',
  'COMPANYLIMITED',
  'COLIMITED',
  'COLTD',
  'LIMITED',
  'LTD',
  'GMBH',
  'LLC',
  'INC',
  'CORPORATION',
  'CORP',
  'PLC',
  'SA',
  'AG',
  'BV',
  'NV',
] as const;

/**
 * The distinguishing part of a company name.
 *
 * @example
 * coreName('苏州乙方制造有限责任公司（苏州分公司）') // '苏州乙方制造'
 * coreName('ＡＣＭＥ Trading Co., Ltd.') // 'ACMETRADING'
 */
export function coreName(name: string): string {
  let n = name.normalize('NFKC').trim();
  n = n.replace(BRANCH, '');
  n = n.toUpperCase().replace(/[\s.,，。、·・'"“”‘’()（）\-_/&]+/g, '');
  for (let i = 0; i < 2; i++) {
    const before = n;
    n = n.replace(BRANCH_TAIL, '');
    for (const form of FORMS) {
      if (n.length > form.length + 1 && n.endsWith(form)) {
        n = n.slice(0, -form.length);
        break;
      }
    }
    if (n === before) break;
  }
  return n;
}

/** Character bigrams of a core name (a one-character name is its own bigram). */
export function bigrams(core: string): string[] {
  if (core.length < 2) return [core];
  const out: string[] = [];
  for (let i = 0; i < core.length - 1; i++) out.push(core.slice(i, i + 2));
  return out;
}

/**
 * Dice similarity of two core names' bigrams: 1 for the same name, about 0.8 for one typo in a
 * ten-character name, 0 for nothing in common.
 *
 * @example
 * nameSimilarity('杭州甲方科技', '杭州甲方科枝') // 0.8
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      common++;
      counts.set(g, c - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}
