// String similarity for name tokens.

// Reused match flags: comparison runs millions of times per batch and must not allocate.
let aScratch = new Uint8Array(64);
let bScratch = new Uint8Array(64);

/** Jaro–Winkler similarity in [0,1] (Winkler 1990: prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  if (aScratch.length < a.length || bScratch.length < b.length) {
    aScratch = new Uint8Array(Math.max(a.length, b.length) * 2);
    bScratch = new Uint8Array(Math.max(a.length, b.length) * 2);
  }
  const aMatched = aScratch.fill(0, 0, a.length);
  const bMatched = bScratch.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Two rows of the edit-distance table before the current one, reused like the match flags above.
let rowBeforeLast = new Int32Array(64);
let lastRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * Whether two tokens are at most `max` edits apart, counting an insertion, a deletion, a substitution or a swap
 * of two neighbouring letters as one edit (optimal string alignment distance). Stops as soon as a row exceeds `max`.
 */
export function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  const width = b.length + 1;
  if (currentRow.length < width) {
    rowBeforeLast = new Int32Array(width * 2);
    lastRow = new Int32Array(width * 2);
    currentRow = new Int32Array(width * 2);
  }
  for (let j = 0; j < width; j++) lastRow[j] = j;
  for (let i = 1; i <= a.length; i++) {
    currentRow[0] = i;
    let rowMinimum = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(lastRow[j]! + 1, currentRow[j - 1]! + 1, lastRow[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rowBeforeLast[j - 2]! + 1);
      currentRow[j] = d;
      if (d < rowMinimum) rowMinimum = d;
    }
    if (rowMinimum > max) return false;
    [rowBeforeLast, lastRow, currentRow] = [lastRow, currentRow, rowBeforeLast];
  }
  return lastRow[b.length]! <= max;
}

/** Distinct character bigrams of a token, with start and end marks: "ali" → ^a al li i$. */
export function bigrams(token: string): string[] {
  const padded = '^' + token + '$';
  const out = new Set<string>();
  for (let i = 0; i < padded.length - 1; i++) out.add(padded.slice(i, i + 2));
  return [...out];
}

/** Share of the shorter token's bigrams that two tokens must have in common to count as similar. */
export const minimumBigramShare = 0.34;

/** How many bigrams two tokens with these bigram counts must share to count as similar. */
export function bigramsNeeded(gramsA: number, gramsB: number): number {
  return Math.max(1, Math.ceil(Math.min(gramsA, gramsB) * minimumBigramShare));
}

/**
 * A guard for Jaro–Winkler, which rates some unrelated tokens high ("kahtani" / "khatib" 0.80):
 * similar tokens must also share a part of their letter pairs. Candidate retrieval uses the same rule,
 * which is what lets it return exactly what a full scan would.
 */
export function shareEnoughBigrams(a: string, b: string): boolean {
  const ga = bigrams(a);
  const gb = new Set(bigrams(b));
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared >= bigramsNeeded(ga.length, gb.size);
}
