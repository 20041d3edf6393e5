import { InvariantError } from '../../core/shared/index.js';

/**
 * Typed arrays and strings packed into one binary value, and views of them read back without
 * copying (docs/adr/0015). Layout: 4 magic bytes (the last is the format), the header's length
 * (u32, little-endian), the header (JSON: each section's type, offset and length, plus `meta`),
 * then the sections, each starting at a multiple of 8 bytes so that typed views of it are aligned.
 */
type ArrayType = 'i32' | 'u32' | 'u16' | 'u8' | 'f64';
export type Section = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

interface Header {
  readonly meta: unknown;
  readonly sections: Record<string, readonly [ArrayType, number, number]>;
}

function typeOf(a: Section): ArrayType {
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Float64Array) return 'f64';
  return 'u8';
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** Packs `sections` (by name) and `meta` (JSON) behind `magic` (4 bytes). */
export function packSections(magic: readonly number[], meta: unknown, sections: Record<string, Section>): Uint8Array {
  let body = 0;
  const placed: Header['sections'] = {};
  for (const [name, a] of Object.entries(sections)) {
    placed[name] = [typeOf(a), body, a.length];
    body += align8(a.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ meta, sections: placed } satisfies Header));
  const start = align8(8 + header.byteLength);
  const out = new Uint8Array(start + body);
  out.set(magic, 0);
  new DataView(out.buffer).setUint32(4, header.byteLength, true);
  out.set(header, 8);
  for (const [name, a] of Object.entries(sections)) {
    const [, offset] = placed[name] as readonly [ArrayType, number, number];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + offset);
  }
  return out;
}

/** True when `bytes` start with `magic`. */
export function hasMagic(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

/** Views of what `packSections` packed: `view(name)` of a section, `text(name)` of a `textSections` pair. */
export interface Unpacked {
  readonly meta: unknown;
  view(name: string): Section;
  text(name: string): TextTable;
}

export function unpackSections(stored: Uint8Array, magic: readonly number[]): Unpacked {
  if (!hasMagic(stored, magic)) throw new InvariantError('not a snapshot of this format');
  // Typed views need their element size's alignment: copy once when the driver's buffer lacks it.
  const bytes = stored.byteOffset % 8 === 0 ? stored : stored.slice();
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  const start = bytes.byteOffset + align8(8 + headerLength);
  const view = (name: string): Section => {
    const placed = header.sections[name];
    if (!placed) throw new InvariantError(`snapshot has no section ${name}`);
    const [type, offset, count] = placed;
    const at = start + offset;
    if (type === 'i32') return new Int32Array(bytes.buffer, at, count);
    if (type === 'u32') return new Uint32Array(bytes.buffer, at, count);
    if (type === 'u16') return new Uint16Array(bytes.buffer, at, count);
    if (type === 'f64') return new Float64Array(bytes.buffer, at, count);
    return new Uint8Array(bytes.buffer, at, count);
  };
  return {
    meta: header.meta,
    view,
    text: (name) => new TextTable(view(`${name}Text`) as Uint8Array, view(`${name}Starts`) as Uint32Array),
  };
}

/** The two sections of a list of strings: one UTF-8 text, and where each starts in UTF-16 units. */
export function textSections(name: string, strings: readonly string[]): Record<string, Section> {
  const starts = new Uint32Array(strings.length + 1);
  let at = 0;
  for (let i = 0; i < strings.length; i++) {
    starts[i] = at;
    at += (strings[i] as string).length;
  }
  starts[strings.length] = at;
  return { [`${name}Text`]: new TextEncoder().encode(strings.join('')), [`${name}Starts`]: starts };
}

/** Strings stored by `textSections`: decoded into one string on first use, each then a slice of it. */
export class TextTable {
  private joined: string | undefined;

  constructor(
    private readonly text: Uint8Array,
    private readonly starts: Uint32Array,
  ) {}

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    this.joined ??= new TextDecoder().decode(this.text);
    return this.joined.slice(this.starts[i], this.starts[i + 1]);
  }

  all(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/** Minor amounts as 32-bit integers when every one fits, else as 64-bit floats (exact to 2^53). */
export function minorSection(amounts: ArrayLike<number>): Int32Array | Float64Array {
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i] as number;
    if ((a | 0) !== a) return Float64Array.from(amounts);
  }
  return Int32Array.from(amounts);
}

/** Numbers each distinct string in order of first appearance. */
export class Slots {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();

  slotOf(id: string): number {
    let slot = this.index.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.index.set(id, slot);
      this.ids.push(id);
    }
    return slot;
  }
}
