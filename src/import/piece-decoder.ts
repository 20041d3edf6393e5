import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';

/**
 * How the pieces of a file are decoded: UTF-8 whose bytes were checked, UTF-8 after a BOM whose
 * bytes are not valid UTF-8 (decoded with replacement characters), or GB18030.
 */
export type PieceEncoding = 'utf-8' | 'utf-8-lossy' | 'gb18030';

/** Decodes consecutive pieces; a character cut at a piece's end is finished with the next piece. */
export interface PieceDecoder {
  write(piece: Buffer): string;
  end(): string;
}

/**
 * For checked UTF-8, StringDecoder: Node's TextDecoder returns a two-byte string for a large piece
 * even when every byte is ASCII, and every cell cut from it is then two-byte as well (twice the
 * memory, and slower to hash, compare and bind); StringDecoder returns one-byte strings for ASCII.
 * On valid UTF-8 both give the same text. Neither drops a BOM: the caller skips the leading one.
 */
export function pieceDecoder(encoding: PieceEncoding): PieceDecoder {
  if (encoding === 'utf-8') {
    const d = new StringDecoder('utf8');
    return { write: (piece) => d.write(piece), end: () => d.end() };
  }
  if (encoding === 'utf-8-lossy') {
    const d = new TextDecoder('utf-8', { ignoreBOM: true });
    return { write: (piece) => d.decode(piece, { stream: true }), end: () => d.decode() };
  }
  const gb = iconv.getDecoder('gb18030');
  return { write: (piece) => gb.write(piece), end: () => gb.end() ?? '' };
}
