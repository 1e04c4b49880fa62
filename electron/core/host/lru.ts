/**
 * A small most-recently-used cache for answers keyed by commit ids (which never change), kept
 * per repository in its RepoServices and cleared when the repository closes.
 */
export interface Lru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  /** The cached answer, or the one `compute` gives (a rejected promise is not kept). */
  getOrCompute(key: string, compute: () => V): V;
  clear(): void;
  readonly size: number;
}

export function createLru<V>(capacity: number): Lru<V> {
  const entries = new Map<string, V>();
  const set = (key: string, value: V): void => {
    entries.delete(key);
    entries.set(key, value);
    while (entries.size > capacity) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  };
  const get = (key: string): V | undefined => {
    if (!entries.has(key)) return undefined;
    const value = entries.get(key) as V;
    set(key, value);
    return value;
  };
  return {
    get,
    set,
    delete: (key) => void entries.delete(key),
    getOrCompute(key, compute) {
      const cached = get(key);
      if (cached !== undefined) return cached;
      const value = compute();
      set(key, value);
      if (value instanceof Promise) value.catch(() => entries.get(key) === value && entries.delete(key));
      return value;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
