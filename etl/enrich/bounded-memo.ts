/**
 * Memoizes a function of a string in a Map of at most `maxEntries` entries. A full map is
 * cleared rather than evicted entry by entry: the keys the ETL memoizes (user agents, referrer
 * hosts) repeat heavily, so the few that matter are back after a handful of calls, and the hit
 * path stays one Map lookup.
 */
export function boundedMemo<V extends string | number | boolean | object | null>(
  compute: (key: string) => V,
  maxEntries: number,
): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const value = compute(key);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, value);
    return value;
  };
}
