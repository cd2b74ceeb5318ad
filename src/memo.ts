/**
 * Remembers what `compute` made of a key, bounded: emptied when `limit` keys are held. For values asked
 * for over and over from a small set (the same few hundred days parsed and formatted for every reply).
 */
export function memoised<K, V>(compute: (key: K) => V, limit = 5000): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key) as V;
    if (made.size >= limit) made.clear();
    const value = compute(key);
    made.set(key, value);
    return value;
  };
}

/**
 * Remembers what `compute` made of an object for as long as the object lives: once per registry, per
 * deadline, per turn's words. A registry is replaced, never changed, so nothing goes stale.
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key) as V;
    const value = compute(key);
    made.set(key, value);
    return value;
  };
}
