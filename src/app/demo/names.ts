import type { Rng } from '../../core/shared/random.js';

/** Cities with their administrative division codes (行政区划代码), used in names and 信用代码. */
export const CITIES: readonly (readonly [string, string])[] = [
  ['深圳', '440300'],
  ['广州', '440100'],
  ['东莞', '441900'],
  ['佛山', '440600'],
  ['苏州', '320500'],
  ['无锡', '320200'],
  ['常州', '320400'],
  ['南京', '320100'],
  ['杭州', '330100'],
  ['宁波', '330200'],
  ['温州', '330300'],
  ['上海', '310000'],
  ['厦门', '350200'],
  ['泉州', '350500'],
  ['青岛', '370200'],
  ['天津', '120000'],
  ['成都', '510100'],
  ['武汉', '420100'],
  ['长沙', '430100'],
  ['郑州', '410100'],
  ['合肥', '340100'],
  ['重庆', '500000'],
  ['西安', '610100'],
  ['昆山', '320583'],
];

const WORDS = [
  '华瑞',
  '鑫达',
  '宏远',
  '恒通',
  '金源',
  '博创',
  '盛世',
  '永利',
  '中联',
  '汇丰',
  '德信',
  '嘉禾',
  '天宇',
  '明辉',
  '瑞祥',
  '新锐',
  '正泰',
  '隆盛',
  '海纳',
  '佳信',
  '宝丰',
  '润达',
  '志诚',
  '兴业',
  '东方',
  '万邦',
  '安泰',
  '昌盛',
  '富源',
  '聚力',
  '启航',
  '同创',
  '远景',
  '卓越',
  '科达',
  '华业',
  '英华',
  '乐途',
  '和泰',
  '锦程',
];

/** Company-name endings by industry; construction buyers are 建设工程 or 建筑 companies. */
const SECTOR_WORD: Readonly<Record<string, readonly string[]>> = {
  wholesale: ['贸易', '商贸', '实业'],
  manufacturing: ['制造', '机械', '实业'],
  electronics: ['电子', '科技', '电器'],
  construction: ['建设工程', '建筑', '建材'],
  retail: ['商贸', '百货', '贸易'],
  logistics: ['物流', '供应链'],
  automotive: ['汽车配件', '机电'],
  textiles: ['纺织', '服饰'],
};

export const DOMESTIC_INDUSTRIES = Object.keys(SECTOR_WORD);

const EN_FIRST = [
  'Northwind',
  'Baltic',
  'Harbor',
  'Summit',
  'Atlas',
  'Pioneer',
  'Evergreen',
  'Bluewater',
  'Crescent',
  'Granite',
  'Redwood',
  'Silverline',
  'Keystone',
  'Meridian',
  'Orion',
  'Sterling',
];
const EN_SECOND = ['Trading', 'Components', 'Supply', 'Industries', 'Imports', 'Distribution', 'Electronics', 'Tools'];
const EN_PLACE = [
  'Pacific',
  'Atlantic',
  'Nordic',
  'Coastal',
  'Central',
  'Western',
  'Eastern',
  'Global',
  'United',
  'Royal',
];
export const FOREIGN_COUNTRIES: readonly (readonly [string, string, string])[] = [
  ['US', 'USD', 'LLC'],
  ['US', 'USD', 'Inc.'],
  ['GB', 'USD', 'Ltd'],
  ['AU', 'USD', 'Pty Ltd'],
  ['SG', 'USD', 'Pte. Ltd.'],
  ['DE', 'EUR', 'GmbH'],
  ['NL', 'EUR', 'B.V.'],
  ['FR', 'EUR', 'SAS'],
];

/** A Chinese company name: city + two words + sector + 有限公司, e.g. 深圳华瑞鑫达电子有限公司. */
export function chineseCompanyName(rng: Rng, city: string, industry: string): string {
  const a = rng.pick(WORDS);
  let b = rng.pick(WORDS);
  if (b === a) b = WORDS[(WORDS.indexOf(a) + 7) % WORDS.length] as string;
  const sector = rng.pick(SECTOR_WORD[industry] ?? ['贸易']);
  return `${city}${a}${b}${sector}有限公司`;
}

export function foreignCompanyName(rng: Rng, suffix: string): string {
  const place = rng.bernoulli(0.6) ? `${rng.pick(EN_PLACE)} ` : '';
  return `${rng.pick(EN_FIRST)} ${place}${rng.pick(EN_SECOND)} ${suffix}`;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i] as string, 36) * (ORG_CODE_WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The GB 32100-2015 check character of the first 17 characters of a 统一社会信用代码. */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i] as string) * (USCC_WEIGHTS[i] as number);
  return USCC_CHARS[(31 - (sum % 31)) % 31] as string;
}

/**
 * An 18-character 统一社会信用代码 with valid check characters: 9 (market regulator) + 1
 * (enterprise) + division code + 9-character organisation code + check character.
 */
export function creditCode(rng: Rng, divisionCode: string): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += rng.bernoulli(0.85) ? String(rng.int(0, 9)) : rng.pick(['A', 'B', 'C', 'D', 'E']);
  const first17 = `91${divisionCode}${body}${orgCodeCheck(body)}`;
  return first17 + usccCheck(first17);
}

export function foreignRegistration(rng: Rng, country: string): string {
  if (country === 'US') return `EIN ${rng.int(10, 99)}-${rng.int(1000000, 9999999)}`;
  if (country === 'DE') return `HRB ${rng.int(10000, 99999)}`;
  return `${country}${rng.int(10000000, 99999999)}`;
}

export const SUPPLIER_SECTORS = ['制造', '电子', '五金', '包装', '化工', '塑胶', '精密'];
