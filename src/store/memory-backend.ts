/**
 * The history in memory: what `storage="memory"` and `storage="none"` use, and what takes over when
 * IndexedDB fails, seeded with everything the page has seen so far. Values are cloned in and out, as
 * IndexedDB would, so a caller mutating an object never changes what is stored.
 */
import type { AppendPlan, Backend, Entry, RangeOptions } from './backend.js';
import type { StoreKey } from './records.js';

type Part = StoreKey[number];

/** IndexedDB's key order, for the key shapes used here: numbers < strings < arrays. */
export function compareKeys(a: StoreKey | Part, b: StoreKey | Part): number {
  const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra < 2) return a < b ? -1 : a > b ? 1 : 0;
  const x = a as Part[];
  const y = b as Part[];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareKeys(x[i], y[i]);
    if (c) return c;
  }
  return x.length - y.length;
}

export class MemoryBackend implements Backend {
  readonly kind = 'memory' as const;
  /** Keyed by the JSON of the key; kept unsorted, sorted on range reads (ranges are small). */
  #data = new Map<string, Entry>();

  constructor(seed: Entry[] = []) {
    for (const [key, value] of seed) this.#data.set(JSON.stringify(key), [key, structuredClone(value)]);
  }

  async get(key: StoreKey): Promise<unknown> {
    return structuredClone(this.#data.get(JSON.stringify(key))?.[1]);
  }

  #inRange(lower: StoreKey, upper: StoreKey): Entry[] {
    return [...this.#data.values()]
      .filter(([k]) => compareKeys(k, lower) >= 0 && compareKeys(k, upper) <= 0)
      .sort((a, b) => compareKeys(a[0], b[0]));
  }

  async range(lower: StoreKey, upper: StoreKey, options: RangeOptions = {}): Promise<unknown[]> {
    let found = this.#inRange(lower, upper);
    if (options.reverse) found.reverse();
    if (options.limit !== undefined) found = found.slice(0, options.limit);
    return found.map(([, v]) => structuredClone(v));
  }

  async put(entries: Entry[]): Promise<void> {
    for (const [key, value] of entries) this.#data.set(JSON.stringify(key), [key, structuredClone(value)]);
  }

  async delete(keys: StoreKey[]): Promise<void> {
    for (const key of keys) this.#data.delete(JSON.stringify(key));
  }

  async deleteRange(bounds: [StoreKey, StoreKey][], entries: Entry[] = []): Promise<void> {
    for (const [lower, upper] of bounds) {
      for (const [key] of this.#inRange(lower, upper)) this.#data.delete(JSON.stringify(key));
    }
    await this.put(entries);
  }

  async append(conversationKey: StoreKey, messages: [StoreKey, StoreKey], plan: AppendPlan): Promise<Entry[]> {
    const last = this.#inRange(...messages).at(-1);
    const lastSeq = last ? (last[0][2] as number) : -1;
    const entries = plan(lastSeq, structuredClone(this.#data.get(JSON.stringify(conversationKey))?.[1]));
    await this.put(entries);
    return entries;
  }

  async entries(): Promise<Entry[]> {
    return [...this.#data.values()].map(([k, v]) => [k, structuredClone(v)]);
  }

  reopen(): void {}
  close(): void {}
}
