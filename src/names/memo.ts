// Resolution and the extraction rules ask the name functions about the same few thousand words and names again and
// again. A pure function of a short string can remember its answers up to a bound, then forget them all at once, so
// a corpus of many distinct names never grows the memory further.

/**
 * `fn` with its results for strings up to `maxLength` characters remembered, at most `limit` of them. Only for pure
 * functions whose results callers never change (the same object is handed to every caller).
 */
export function memoiseString<T>(fn: (text: string) => T, limit = 50_000, maxLength = 80): (text: string) => T {
  const remembered = new Map<string, T>();
  return (text: string): T => {
    if (text.length > maxLength) return fn(text);
    let value = remembered.get(text);
    if (value === undefined) {
      if (remembered.size >= limit) remembered.clear();
      value = fn(text);
      remembered.set(text, value);
    }
    return value;
  };
}
