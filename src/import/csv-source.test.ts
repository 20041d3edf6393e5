import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvChunkSource } from './csv-source.js';
import { SheetError } from './sheet.js';

async function readAll(pieces: string[], delimiter: string): Promise<{ rows: number[]; cells: string[][] } | string> {
  const out = { rows: [] as number[], cells: [] as string[][] };
  try {
    for await (const b of csvChunkSource(() => pieces, delimiter, 0).batches()) {
      out.rows.push(...b.rows);
      out.cells.push(...b.cells);
    }
  } catch (e) {
    if (e instanceof SheetError) return `${e.code}@${e.row}`;
    throw e;
  }
  return out;
}

function reference(text: string, delimiter: string): string[][] | string {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, bom: true }) as string[][];
  } catch (e) {
    return (e as { code?: string }).code ?? 'error';
  }
}

const piece = fc.constantFrom(
  'a',
  'bc',
  '客户',
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\uFEFF',
  '1.5',
  '😀',
);

test('the fast path reads exactly what csv-parse reads, however the text is cut', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(piece, { maxLength: 40 }),
      fc.nat(),
      fc.constantFrom(',', ';', '\t'),
      async (parts, cut, d) => {
        const text = parts.join('');
        const expected = reference(text, d);
        let at = text.length === 0 ? 0 : cut % text.length;
        // Decoders never end a piece inside a surrogate pair.
        if (at > 0 && /[\uD800-\uDBFF]/.test(text.charAt(at - 1))) at--;
        const got = await readAll([text.slice(0, at), text.slice(at)], d);
        if (typeof expected === 'string') {
          assert.equal(typeof got, 'string', `${JSON.stringify(text)} should fail like csv-parse (${expected})`);
          return;
        }
        assert.notEqual(typeof got, 'string', `${JSON.stringify(text)}: ${String(got)}`);
        const g = got as { rows: number[]; cells: string[][] };
        assert.deepEqual(g.cells, expected, JSON.stringify(text));
        assert.deepEqual(
          g.rows,
          expected.map((_r, i) => i + 1),
        );
      },
    ),
    { numRuns: 3000 },
  );
});

test('quote-free lines switch to csv-parse at the first quote without renumbering', async () => {
  const text = 'h1,h2\na,b\nc,"d\ne"\nf,g\n';
  const got = await readAll([text.slice(0, 8), text.slice(8)], ',');
  assert.deepEqual(got, {
    rows: [1, 2, 3, 4],
    cells: [
      ['h1', 'h2'],
      ['a', 'b'],
      ['c', 'd\ne'],
      ['f', 'g'],
    ],
  });
});
