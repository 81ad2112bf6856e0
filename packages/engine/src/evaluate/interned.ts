/**
 * Shared values for recurring shapes: most escalation cases of a county reach the same few
 * combinations of levels and dates, so each combination's `reached` record is built once and
 * shared (frozen) by every finding that has it, rather than built per finding. Keys are short
 * sequences of integers, found by hash: looking one up builds nothing.
 */

interface Entry<T> {
  readonly key: readonly number[];
  readonly value: T;
}

function hashOf(key: ArrayLike<number>, length: number): number {
  let hash = length;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ key[i]!, 0x9e3779b1) + 0x7f4a7c15;
  return hash | 0;
}

function sameKey(a: readonly number[], b: ArrayLike<number>, length: number): boolean {
  if (a.length !== length) return false;
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class Interned<T> {
  private readonly buckets = new Map<number, Entry<T>[]>();
  private size = 0;

  /** `capacity`: values kept at most; past it, values are built afresh (still right, unshared). */
  constructor(private readonly capacity = 1 << 16) {}

  /** The value kept for the first `length` numbers of `key`, if any. */
  find(key: ArrayLike<number>, length: number): T | undefined {
    const bucket = this.buckets.get(hashOf(key, length));
    if (bucket !== undefined)
      for (const entry of bucket) if (sameKey(entry.key, key, length)) return entry.value;
    return undefined;
  }

  /** Keeps `value` for the first `length` numbers of `key` (copied), and returns it. */
  keep(key: ArrayLike<number>, length: number, value: T): T {
    if (this.size >= this.capacity) return value;
    const hash = hashOf(key, length);
    const entry: Entry<T> = { key: Array.from({ length }, (_, i) => key[i]!), value };
    const bucket = this.buckets.get(hash);
    if (bucket === undefined) this.buckets.set(hash, [entry]);
    else bucket.push(entry);
    this.size++;
    return value;
  }
}
