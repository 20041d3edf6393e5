import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { fail, ok, type Result } from '../core/shared/index.js';
import { type PieceEncoding, pieceDecoder } from './piece-decoder.js';

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

/** Bytes to decode: a buffer in memory, or a file read piece by piece (`file-bytes.ts`). */
export interface Bytes {
  readonly length: number;
  /** Bytes [start, end) as consecutive pieces of at most `size` bytes; a piece may be reused for the next. */
  pieces(start: number, end: number, size: number): Iterable<Buffer>;
  /** Every byte at once (XLSX, a given encoding, UTF-16). */
  all(): Buffer;
}

export function bufferBytes(data: Buffer): Bytes {
  return {
    length: data.length,
    *pieces(start, end, size) {
      for (let at = start; at < end; at += size) yield data.subarray(at, Math.min(end, at + size));
    },
    all: () => data,
  };
}

/** The first `n` bytes (fewer for a shorter source). */
export function headBytes(bytes: Bytes, n: number): Buffer {
  for (const piece of bytes.pieces(0, Math.min(n, bytes.length), n)) return piece;
  return Buffer.alloc(0);
}

/** True when `decodePieces` needs the whole text at once (a given encoding, or UTF-16 by its BOM). */
export function needsWholeText(head: Buffer, encoding: string | undefined): boolean {
  return encoding !== undefined || (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

/**
 * `decodeText` without building the whole text: the common cases (UTF-8 with or without a BOM,
 * GB18030 when the bytes are not UTF-8) are checked on the bytes and decoded in pieces with the
 * same decoders, so a 100 MB file never becomes a 100 MB string. A given encoding and UTF-16
 * still decode the whole text first (rare, and they need it for the checks).
 */
export function decodePieces(data: Buffer, encoding: string | undefined): Result<DecodedPieces> {
  if (needsWholeText(data, encoding)) {
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
  return decodeBytePieces(bufferBytes(data));
}

/**
 * The byte path of `decodePieces` for bytes that need no whole text (see `needsWholeText`): one
 * pass over the pieces checks NUL bytes and UTF-8 and counts lines; `pieces()` reads them again.
 */
export function decodeBytePieces(bytes: Bytes): Result<DecodedPieces> {
  const lead = headBytes(bytes, 3);
  const hasBom = lead[0] === 0xef && lead[1] === 0xbb && lead[2] === 0xbf;
  const start = hasBom ? 3 : 0;
  // Checked with a BOM too: checked UTF-8 decodes to one-byte strings (see `pieceDecoder`).
  const scan = scanBytes(bytes, start);
  // A NUL byte is a NUL character in UTF-8 and GB18030 alike, and only a NUL byte makes one.
  if (scan.hasNul) return fail('IMPORT_BINARY_FILE', {});
  const encoding: PieceEncoding = scan.isUtf8 ? 'utf-8' : hasBom ? 'utf-8-lossy' : 'gb18030';
  const name = encoding === 'gb18030' ? 'gb18030' : 'utf-8';
  const pieces = () => bytePieces(bytes, start, bytes.length, encoding);
  const head = firstText(bytes, start, encoding);
  const checked = checkText(head, name);
  if (!checked.ok) return checked;
  return ok({
    encoding: name,
    head,
    lines: scan.lines,
    isBlank: isBlankText(bytes, start, head, pieces),
    pieces,
  });
}

interface ByteScan {
  readonly hasNul: boolean;
  readonly isUtf8: boolean;
  /** Lines as `countLines` counts them in the text: newline bytes, plus one unless the last byte is one. */
  readonly lines: number;
}

function scanBytes(bytes: Bytes, start: number): ByteScan {
  let lines = 0;
  let last = -1;
  const utf8 = new Utf8Check();
  for (const piece of bytes.pieces(start, bytes.length, PIECE)) {
    if (piece.indexOf(0) !== -1) return { hasNul: true, isUtf8: false, lines: 0 };
    utf8.push(piece);
    for (let i = piece.indexOf(10); i !== -1; i = piece.indexOf(10, i + 1)) lines++;
    if (piece.length > 0) last = piece[piece.length - 1] as number;
  }
  return { hasNul: false, isUtf8: utf8.end(), lines: last === 10 ? lines : lines + 1 };
}

/** `isUtf8` over consecutive pieces: a character cut at a piece's end is checked with the next piece. */
class Utf8Check {
  private ok = true;
  private carry: Buffer | null = null;

  push(piece: Buffer): void {
    if (!this.ok) return;
    const bytes = this.carry ? Buffer.concat([this.carry, piece]) : piece;
    const cut = completeLength(bytes);
    this.carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
    if (!isUtf8(bytes.subarray(0, cut))) this.ok = false;
  }

  end(): boolean {
    return this.ok && (this.carry === null || isUtf8(this.carry));
  }
}

/** Where a multi-byte sequence begun in the last three bytes and not finished there starts; else the length. */
function completeLength(b: Buffer): number {
  for (let i = b.length - 1; i >= Math.max(0, b.length - 3); i--) {
    const c = b[i] as number;
    if (c < 0x80) return b.length;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return b.length - i >= need ? b.length : i;
    }
  }
  return b.length;
}

/**
 * With a BOM, `start` is past it and the rest is decoded as Buffer#toString did (a second BOM
 * stays); without one, the text does not start with a BOM, so there is none to drop.
 */
function* bytePieces(bytes: Bytes, start: number, end: number, encoding: PieceEncoding): Generator<string> {
  const decoder = pieceDecoder(encoding);
  for (const piece of bytes.pieces(start, end, PIECE)) {
    const text = decoder.write(piece);
    if (text.length > 0) yield text;
  }
  const tail = decoder.end();
  if (tail.length > 0) yield tail;
}

/** The first 65,536 characters (or all of a short file), decoded exactly as the full text starts. */
function firstText(bytes: Bytes, start: number, encoding: PieceEncoding): string {
  let text = '';
  for (const piece of bytePieces(bytes, start, Math.min(bytes.length, start + HEAD_BYTES), encoding)) {
    text += piece;
  }
  // A character cut at the end of the prefix decodes differently: drop the last few.
  return bytes.length > start + HEAD_BYTES ? text.slice(0, Math.max(65_536, text.length - 8)) : text;
}

function isBlankText(bytes: Bytes, start: number, head: string, pieces: () => Iterable<string>): boolean {
  if (head.trim().length > 0) return false;
  if (bytes.length <= start + HEAD_BYTES) return true;
  // Nothing but whitespace for 65,536 characters: rare enough to look at every piece.
  for (const piece of pieces()) if (piece.trim().length > 0) return false;
  return true;
}

export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

function* textPieces(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += PIECE) yield text.slice(i, i + PIECE);
}
