import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodePieces, decodeText } from './decode.js';

const MIB = 1 << 20;

/** About 2.5 MiB of CSV lines mixing ASCII and Chinese, so multi-byte characters cross piece ends. */
function csvText(): string {
  const lines = ['number,customer_name,amount'];
  for (let i = 0; i < 60_000; i++) lines.push(`INV${i},客户${i}有限公司,${i}.00`);
  return `${lines.join('\n')}\n`;
}

function piecesText(data: Buffer): { text: string; encoding: string } {
  const decoded = decodePieces(data, undefined);
  assert.ok(decoded.ok);
  return { text: [...decoded.value.pieces()].join(''), encoding: decoded.value.encoding };
}

/** A buffer whose byte at `at` starts a character of `text`'s UTF-8 encoding cut in two there. */
function straddling(text: string, at: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  let start = at;
  while (start > 0 && ((bytes[start] as number) & 0xc0) === 0x80) start--;
  assert.ok(start < at, 'a multi-byte character crosses the piece end');
  return bytes;
}

test('pieces decode to the same text as the whole file: UTF-8, with and without a BOM, and GB18030', () => {
  const text = csvText();
  // Shift the text until a three-byte character crosses the first 1 MiB piece end.
  let shifted = text;
  while ((Buffer.from(shifted, 'utf8')[MIB] as number) >> 6 !== 2) shifted = `x${shifted}`;
  const utf8 = straddling(shifted, MIB);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
  const gb = iconv.encode(shifted, 'gb18030');
  for (const [data, encoding] of [
    [utf8, 'utf-8'],
    [bom, 'utf-8'],
    [gb, 'gb18030'],
  ] as const) {
    const whole = decodeText(data, undefined);
    assert.ok(whole.ok);
    assert.deepEqual(piecesText(data), { text: whole.value.text, encoding });
    assert.equal(whole.value.text, shifted);
  }
});

test('after a BOM, bytes that are not UTF-8 still decode with replacement characters', () => {
  const text = csvText();
  const broken = Buffer.from(text, 'utf8');
  // A lone continuation byte and a truncated sequence, one of them at the first piece end.
  broken[1000] = 0x80;
  broken[MIB - 1] = 0xe5;
  broken[MIB] = 0x41;
  const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), broken]);
  const expected = new TextDecoder('utf-8', { ignoreBOM: true }).decode(broken);
  assert.ok(expected.includes('\uFFFD'));
  assert.deepEqual(piecesText(data), { text: expected, encoding: 'utf-8' });
});
