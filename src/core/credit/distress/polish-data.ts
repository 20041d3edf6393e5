import type { FeatureMatrix } from './binning.js';
import { computeFeatures, FEATURES, type FeatureDefinition } from './features.js';
import { itemsFromPolishRatios } from './items.js';

/** Rows of UCI Polish ratios, row-major (Attr1..AttrN per row, NaN = missing). */
export interface PolishRows {
  readonly attributes: readonly string[];
  readonly rowCount: number;
  readonly values: Float64Array;
}

/** Accessors for AttrK of row i (NaN when the column is absent or the value missing), indexed once. */
export function polishAccessors(rows: PolishRows): (i: number) => (k: number) => number {
  const width = rows.attributes.length;
  const columnOf = new Int32Array(65).fill(-1);
  rows.attributes.forEach((name, j) => {
    const match = /^attr(\d+)$/i.exec(name);
    const k = match ? Number(match[1]) : 0;
    if (k >= 1 && k <= 64) columnOf[k] = j;
  });
  return (i) => (k) => {
    const j = k >= 1 && k <= 64 ? (columnOf[k] as number) : -1;
    return j < 0 ? Number.NaN : (rows.values[i * width + j] as number);
  };
}

/** The model's features for every row of Polish ratios, through the raw-item reconstruction. */
export function rawFeatureMatrix(rows: PolishRows, features: readonly FeatureDefinition[] = FEATURES): FeatureMatrix {
  const columns = features.map(() => new Float64Array(rows.rowCount));
  const accessor = polishAccessors(rows);
  for (let i = 0; i < rows.rowCount; i += 1) {
    const values = computeFeatures(itemsFromPolishRatios(accessor(i)), features);
    columns.forEach((column, f) => {
      column[i] = values[f] as number;
    });
  }
  return { names: features.map((f) => f.name), columns, rowCount: rows.rowCount };
}

/** All AttrN columns as they are (the "all ratios" comparison model; not computable from raw items). */
export function attrFeatureMatrix(rows: PolishRows): FeatureMatrix {
  const width = rows.attributes.length;
  const columns = rows.attributes.map((_, j) =>
    Float64Array.from({ length: rows.rowCount }, (_, i) => rows.values[i * width + j] as number),
  );
  return { names: [...rows.attributes], columns, rowCount: rows.rowCount };
}

/** Stacks matrices with the same columns. */
export function concatMatrices(parts: readonly FeatureMatrix[]): FeatureMatrix {
  const first = parts[0];
  if (first === undefined) return { names: [], columns: [], rowCount: 0 };
  const rowCount = parts.reduce((s, p) => s + p.rowCount, 0);
  const columns = first.names.map((_, f) => {
    const out = new Float64Array(rowCount);
    let offset = 0;
    for (const part of parts) {
      out.set(part.columns[f] as Float64Array, offset);
      offset += part.rowCount;
    }
    return out;
  });
  return { names: first.names, columns, rowCount };
}
