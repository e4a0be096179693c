/**
 * Entries kept by key, bounded by their total size (and, if given, by their number): when a new
 * entry does not fit, the oldest kept go first. One entry larger than the whole bound is not kept.
 * The gateway's caches (answers to anonymous reads, entity answers, automatic persisted queries)
 * keep their entries in it.
 */
export class BoundedStore<Value> {
  private readonly entries = new Map<string, { value: Value; size: number }>();
  private total = 0;

  /**
   * @param maxSize the most the sizes of the kept entries may add up to (in the caller's unit: bytes, characters)
   * @param maxEntries the most entries kept. @default no bound but the size
   */
  constructor(
    private readonly maxSize: number,
    private readonly maxEntries = Number.POSITIVE_INFINITY,
  ) {}

  /** How many entries are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** The sizes of the kept entries, added up. */
  get totalSize(): number {
    return this.total;
  }

  get(key: string): Value | undefined {
    return this.entries.get(key)?.value;
  }

  /** Keeps `value` under `key` (replacing what was there), making room by dropping the oldest entries. */
  set(key: string, value: Value, size: number): void {
    if (size > this.maxSize) return;
    this.delete(key);
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size < this.maxEntries && this.total + size <= this.maxSize) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
    this.entries.set(key, { value, size });
    this.total += size;
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.size;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
