/**
 * Shared values for recurring shapes: most escalation cases of a county reach the same few
 * combinations of levels and dates, so each combination's `reached` record is built once and
 * shared (frozen) by every finding that has it, rather than built per finding.
 */

export class Interned<T> {
  private readonly values = new Map<string, T>();

  /** `capacity`: values kept at most; past it, values are built afresh (still right, unshared). */
  constructor(private readonly capacity = 1 << 16) {}

  /** The value kept for `key`, or `build()` kept for it from now on. */
  get(key: string, build: () => T): T {
    let value = this.values.get(key);
    if (value === undefined) {
      value = build();
      if (this.values.size < this.capacity) this.values.set(key, value);
    }
    return value;
  }
}
