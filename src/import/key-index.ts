/**
 * The natural keys read so far and the row each was first read on, for the duplicate check,
 * kept in typed arrays: the characters of every key one after another, and an open-addressing
 * table of key numbers by hash. A Map of a million fresh strings costs about a second of a
 * million-row import (each string is kept alive, copied by the garbage collector into the old
 * generation, and each lookup misses the CPU caches three times); here a lookup touches one slot
 * and, when the hash matches, the key's characters (docs/adr/0006).
 */
export class KeyIndex {
  private chars = new Uint16Array(1 << 14);
  private used = 0;
  private starts = new Int32Array(1 << 10);
  private lengths = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  private rows = new Int32Array(1 << 10);
  private count = 0;
  /** Key number + 1 by hash, 0 when empty; never more than half full. */
  private slots = new Int32Array(1 << 11);

  /** The row `key` was first read on, or undefined when it is new (it is then kept with `row`). */
  check(key: string, row: number): number | undefined {
    const h = hash(key);
    const mask = this.slots.length - 1;
    let at = h & mask;
    for (let slot = this.slots[at] as number; slot !== 0; slot = this.slots[at] as number) {
      const i = slot - 1;
      if (this.hashes[i] === h && this.equals(i, key)) return this.rows[i];
      at = (at + 1) & mask;
    }
    this.add(key, row, h, at);
    return undefined;
  }

  private equals(i: number, key: string): boolean {
    if (this.lengths[i] !== key.length) return false;
    const start = this.starts[i] as number;
    for (let c = 0; c < key.length; c++) if (this.chars[start + c] !== key.charCodeAt(c)) return false;
    return true;
  }

  private add(key: string, row: number, h: number, at: number): void {
    if (this.used + key.length > this.chars.length) this.chars = grown(this.chars, this.used + key.length);
    for (let c = 0; c < key.length; c++) this.chars[this.used + c] = key.charCodeAt(c);
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts, this.count + 1);
      this.lengths = grown(this.lengths, this.count + 1);
      this.hashes = grown(this.hashes, this.count + 1);
      this.rows = grown(this.rows, this.count + 1);
    }
    const i = this.count++;
    this.starts[i] = this.used;
    this.lengths[i] = key.length;
    this.hashes[i] = h;
    this.rows[i] = row;
    this.used += key.length;
    this.slots[at] = i + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.count; i++) {
      let at = (this.hashes[i] as number) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = i + 1;
    }
    this.slots = slots;
  }
}

/** A copy of `a` with room for at least `need` elements (at least twice the length). */
function grown<T extends Uint16Array | Int32Array>(a: T, need: number): T {
  let size = a.length * 2;
  while (size < need) size *= 2;
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}

/** FNV-1a over the UTF-16 units, then MurmurHash3's finaliser so that keys differing in their last characters spread over the table. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < key.length; c++) h = Math.imul(h ^ key.charCodeAt(c), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
