import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArff } from './arff.js';

const HEADER = [
  '% comment',
  "@relation 'polish'",
  '',
  '@attribute Attr1 numeric',
  '@attribute Attr2 real',
  '@attribute class {0,1}',
  '',
  '@data',
];

describe('parseArff', () => {
  it('reads CRLF rows, ? as NaN and the class label', () => {
    const text = [...HEADER, '0.5,?,0', '-1.25,3e2,1', ''].join('\r\n');
    const r = parseArff(text, 'x.arff');
    assert.ok(r.ok);
    assert.deepEqual(r.value.attributes, ['Attr1', 'Attr2']);
    assert.equal(r.value.relation, 'polish');
    assert.equal(r.value.rowCount, 2);
    assert.equal(r.value.values[0], 0.5);
    assert.ok(Number.isNaN(r.value.values[1] as number));
    assert.deepEqual([...r.value.values.slice(2)], [-1.25, 300]);
    assert.deepEqual([...(r.value.labels ?? [])], [0, 1]);
    assert.deepEqual(r.value.unlabelledRows, []);
    assert.deepEqual([...r.value.lines], [9, 10]);
  });

  it('reads a class of ? as an unknown outcome', () => {
    const all = parseArff([...HEADER, '0.5,1,?', "0.25,2,'?'"].join('\n'), 'x.arff');
    assert.ok(all.ok);
    assert.equal(all.value.labels, null, 'no row has an outcome');
    assert.deepEqual(all.value.unlabelledRows, []);
    assert.deepEqual([...all.value.values], [0.5, 1, 0.25, 2]);
    const some = parseArff([...HEADER, '0.5,1,1', '0.25,2,?', '0.1,3,0'].join('\n'), 'x.arff');
    assert.ok(some.ok);
    assert.deepEqual([...(some.value.labels ?? [])], [1, 0, 0]);
    assert.deepEqual(some.value.unlabelledRows, [1]);
  });

  it('reads a file without a class attribute', () => {
    const r = parseArff('@relation x\n@attribute a numeric\n@data\n1\n2\n', 'x.arff');
    assert.ok(r.ok);
    assert.equal(r.value.labels, null);
    assert.deepEqual(r.value.unlabelledRows, []);
    assert.deepEqual([...r.value.values], [1, 2]);
  });

  it('names file, line and field of a bad number', () => {
    const r = parseArff([...HEADER, '0.5,1,0', '0.5,abc,1'].join('\n'), 'bad.arff');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ARFF_BAD_NUMBER');
    assert.deepEqual({ ...r.error.details }, { file: 'bad.arff', row: 10, field: 'Attr2', value: 'abc' });
  });

  it('rejects a row with the wrong number of values, a bad class and a missing @data', () => {
    const short = parseArff([...HEADER, '0.5,1'].join('\n'), 'f.arff');
    assert.ok(!short.ok && short.error.code === 'ARFF_BAD_ROW' && short.error.details.row === 9);
    const label = parseArff([...HEADER, '0.5,1,2'].join('\n'), 'f.arff');
    assert.ok(!label.ok && label.error.code === 'ARFF_BAD_CLASS');
    assert.equal(label.error.details.expected, '0, 1 or ?');
    const noData = parseArff('@relation x\n@attribute a numeric\n', 'f.arff');
    assert.ok(!noData.ok && noData.error.code === 'ARFF_NO_DATA');
  });

  it('rejects string attributes it cannot hold in a numeric table', () => {
    const r = parseArff('@relation x\n@attribute name string\n@data\n', 'f.arff');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ARFF_UNSUPPORTED_ATTRIBUTE');
    assert.equal(r.error.details.field, 'name');
  });
});
