import iconv from 'iconv-lite';
import { fail, ok, type Result } from '../core/shared/index.js';

export type FileFormat = 'csv' | 'xlsx';

/** Picks the reader from the magic bytes, then the extension; refuses binary files it cannot read. */
export function sniffFormat(fileName: string, data: Buffer): Result<FileFormat> {
  if (data.length === 0) return fail('IMPORT_EMPTY_FILE', {});
  if (data[0] === 0x50 && data[1] === 0x4b) return ok('xlsx');
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    return fail('IMPORT_FORMAT_UNSUPPORTED', { value: fileName, expected: '.xlsx / .csv' });
  }
  if (/\.xlsx$/i.test(fileName)) return fail('IMPORT_XLSX_UNREADABLE', { value: fileName });
  return ok('csv');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes CSV bytes: a given encoding wins; else a BOM decides (UTF-8, UTF-16); else strict UTF-8,
 * falling back to GB18030 (a superset of GBK and GB2312, which 用友 and 金蝶 exports use).
 * NUL bytes in text that is not UTF-16 mean a binary file, reported rather than parsed.
 */
export function decodeText(data: Buffer, encoding: string | undefined): Result<{ text: string; encoding: string }> {
  if (encoding !== undefined) {
    if (!iconv.encodingExists(encoding)) return fail('IMPORT_UNKNOWN_ENCODING', { value: encoding });
    return checkText(iconv.decode(data, encoding), encoding);
  }
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return checkText(decodeUtf8(data, 3), 'utf-8');
  if (data[0] === 0xff && data[1] === 0xfe) return checkText(iconv.decode(data.subarray(2), 'utf-16le'), 'utf-16le');
  if (data[0] === 0xfe && data[1] === 0xff) return checkText(iconv.decode(data.subarray(2), 'utf-16be'), 'utf-16be');
  if (data.indexOf(0) !== -1) return fail('IMPORT_BINARY_FILE', {});
  const text = tryUtf8(data);
  if (text !== undefined) return checkText(text, 'utf-8');
  return checkText(iconv.decode(data, 'gb18030'), 'gb18030');
}

function decodeUtf8(data: Buffer, start: number): string {
  return data.toString('utf8', start);
}

function tryUtf8(data: Buffer): string | undefined {
  try {
    return utf8.decode(data);
  } catch (e) {
    if (e instanceof TypeError) return undefined; // not valid UTF-8: the caller tries GB18030
    throw e;
  }
}

/** Rejects decoded text that is mostly control characters (a binary file read as text). */
function checkText(text: string, encoding: string): Result<{ text: string; encoding: string }> {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  if (control > 0 && control * 50 > sample.length) return fail('IMPORT_BINARY_FILE', {});
  if (text.indexOf('\0') !== -1) return fail('IMPORT_BINARY_FILE', {});
  return ok({ text, encoding });
}

/** The field delimiter of a CSV from its first line: comma, tab or semicolon, whichever occurs most. */
export function sniffDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = text.slice(0, end === -1 ? Math.min(text.length, 65_536) : Math.min(end, 65_536));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const n = line.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
