import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Bytes } from './decode.js';

/** A file read piece by piece at positions, so an import need not hold the whole file. */
export interface FileBytes extends Bytes {
  close(): void;
}

/**
 * Opens `path` for reading and reads its first bytes, so a missing or unreadable file (a
 * directory) fails here, as reading it whole did. The caller closes it.
 */
export function openFileBytes(path: string): FileBytes {
  const fd = openSync(path, 'r');
  try {
    const length = fstatSync(fd).size;
    readSync(fd, Buffer.alloc(1), 0, 1, 0);
    return {
      length,
      pieces: (start, end, size) => readPieces(fd, start, Math.min(end, length), size),
      all: () => readAll(fd, length),
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/**
 * One buffer for the whole pass, so each piece is valid only until the next is read (as `Bytes`
 * says): a fresh mebibyte a piece costs a page fault every 4 KiB, twice over the file.
 */
function* readPieces(fd: number, start: number, end: number, size: number): Generator<Buffer> {
  const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(size, end - start)));
  let at = start;
  while (at < end) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
    if (n === 0) return; // the file shrank while it was read
    yield buffer.subarray(0, n);
    at += n;
  }
}

function readAll(fd: number, length: number): Buffer {
  const data = Buffer.allocUnsafe(length);
  let at = 0;
  while (at < length) {
    const n = readSync(fd, data, at, length - at, at);
    if (n === 0) break;
    at += n;
  }
  return at < length ? data.subarray(0, at) : data;
}
