import { isUtf8 } from 'node:buffer';
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

/** CSV text to read piece by piece: `head` (the first 65,536 characters or more) is for sniffing. */
export interface DecodedPieces {
  readonly encoding: string;
  readonly head: string;
  /** Lines in the text (for progress). */
  readonly lines: number;
  /** True when the text is empty or only whitespace. */
  readonly isBlank: boolean;
  /** Decodes anew on each call, one piece of at most about a mebibyte at a time. */
  pieces(): Iterable<string>;
}

const PIECE = 1 << 20;
/** Enough bytes for 65,536 UTF-16 units in UTF-8 (at most 3 bytes a unit) and GB18030 (at most 4). */
const HEAD_BYTES = 4 * 65_536 + 64;

/**
 * `decodeText` without building the whole text: the common cases (UTF-8 with or without a BOM,
 * GB18030 when the bytes are not UTF-8) are checked on the bytes and decoded in pieces with the
 * same decoders, so a 100 MB file never becomes a 100 MB string. A given encoding and UTF-16
 * still decode the whole text first (rare, and they need it for the checks).
 */
export function decodePieces(data: Buffer, encoding: string | undefined): Result<DecodedPieces> {
  const isUtf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  if (encoding !== undefined || isUtf16) {
    const decoded = decodeText(data, encoding);
    if (!decoded.ok) return decoded;
    const { text } = decoded.value;
    return ok({
      encoding: decoded.value.encoding,
      head: text,
      lines: countLines(text),
      isBlank: text.trim().length === 0,
      pieces: () => textPieces(text),
    });
  }
  const hasBom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  const start = hasBom ? 3 : 0;
  // A NUL byte is a NUL character in UTF-8 and GB18030 alike, and only a NUL byte makes one.
  if (data.indexOf(0, start) !== -1) return fail('IMPORT_BINARY_FILE', {});
  const utf8 = hasBom || isUtf8(data);
  const name = utf8 ? 'utf-8' : 'gb18030';
  const pieces = () => bytePieces(data, start, utf8, hasBom);
  const head = firstText(data, start, utf8, hasBom);
  const checked = checkText(head, name);
  if (!checked.ok) return checked;
  return ok({
    encoding: name,
    head,
    lines: countNewlineBytes(data),
    isBlank: isBlankText(data, start, head, pieces),
    pieces,
  });
}

function* bytePieces(data: Buffer, start: number, utf8: boolean, hasBom: boolean): Generator<string> {
  // With a BOM the rest is decoded as Buffer#toString did (a second BOM stays); without one,
  // TextDecoder drops a leading BOM as decodeText's strict decoder does.
  const decoder = utf8 ? new TextDecoder('utf-8', { ignoreBOM: hasBom }) : null;
  const gb = utf8 ? null : iconv.getDecoder('gb18030');
  for (let at = start; at < data.length; at += PIECE) {
    const bytes = data.subarray(at, Math.min(data.length, at + PIECE));
    const text = decoder ? decoder.decode(bytes, { stream: true }) : (gb?.write(bytes) ?? '');
    if (text.length > 0) yield text;
  }
  const tail = decoder ? decoder.decode() : (gb?.end() ?? '');
  if (tail.length > 0) yield tail;
}

/** The first 65,536 characters (or all of a short file), decoded exactly as the full text starts. */
function firstText(data: Buffer, start: number, utf8: boolean, hasBom: boolean): string {
  let text = '';
  for (const piece of bytePieces(data.subarray(0, Math.min(data.length, start + HEAD_BYTES)), start, utf8, hasBom)) {
    text += piece;
  }
  // A character cut at the end of the prefix decodes differently: drop the last few.
  return data.length > start + HEAD_BYTES ? text.slice(0, Math.max(65_536, text.length - 8)) : text;
}

function isBlankText(data: Buffer, start: number, head: string, pieces: () => Iterable<string>): boolean {
  if (head.trim().length > 0) return false;
  if (data.length <= start + HEAD_BYTES) return true;
  // Nothing but whitespace for 65,536 characters: rare enough to look at every piece.
  for (const piece of pieces()) if (piece.trim().length > 0) return false;
  return true;
}

function countNewlineBytes(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) n++;
  return data.length > 0 && data[data.length - 1] === 10 ? n : n + 1;
}

export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

function* textPieces(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += PIECE) yield text.slice(i, i + PIECE);
}
