// Characters that OCR engines confuse in the OCR-B font of machine-readable zones, and how to undo the confusion.
// A digit cannot stand in a code or a name and a letter cannot stand in a date or a check digit (ICAO 9303-3 §4.3), so
// there the reading is unambiguous; in alphanumeric fields only a check digit can say which reading is right.

/** Letter read where a digit belongs → the digit it most likely is. */
export const letterToDigit: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

/** Digit read where a letter belongs → the letter it most likely is. */
export const digitToLetter: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '6': 'G',
  '8': 'B',
};

/** Pairs that swap either way inside alphanumeric fields (document numbers, optional data). */
const alphanumericSwaps: Readonly<Record<string, string>> = {
  O: '0',
  '0': 'O',
  I: '1',
  '1': 'I',
  Z: '2',
  '2': 'Z',
  S: '5',
  '5': 'S',
  G: '6',
  '6': 'G',
  B: '8',
  '8': 'B',
};

/** Replaces every character that has an entry in `map`; returns the new text and whether anything changed. */
export function undoConfusions(text: string, map: Readonly<Record<string, string>>): { text: string; changed: boolean } {
  let out = '';
  for (const ch of text) out += map[ch] ?? ch;
  return { text: out, changed: out !== text };
}

const characterClass = (ch: string | undefined) => (ch === undefined || ch === '<' ? null : /\d/.test(ch) ? 'digit' : 'letter');

/**
 * Whether swapping the character at `i` makes it one of a kind with its neighbours: "O" between digits, "8" between
 * letters. A check digit alone passes one wrong reading in ten, so a swap also needs its context to speak for it.
 */
function swapFitsContext(text: string, i: number): boolean {
  const swapped = characterClass(alphanumericSwaps[text[i]!]);
  const neighbours = [characterClass(text[i - 1]), characterClass(text[i + 1])].filter((c) => c !== null);
  return neighbours.length > 0 && neighbours.every((c) => c === swapped);
}

/**
 * Readings of an alphanumeric text that differ from it by the fewest confusable swaps (one, then two), each swap
 * fitting its neighbours, and that satisfy `accept` (typically: the check digit matches). Empty when none does.
 */
export function confusableReadings(text: string, accept: (candidate: string) => boolean, maxSwaps = 2): string[] {
  const positions = [...text].flatMap((ch, i) => (alphanumericSwaps[ch] !== undefined && swapFitsContext(text, i) ? [i] : []));
  const swap = (s: string, i: number) => s.slice(0, i) + alphanumericSwaps[s[i]!]! + s.slice(i + 1);
  for (let swaps = 1; swaps <= maxSwaps; swaps++) {
    const found: string[] = [];
    const choose = (from: number, left: number, current: string) => {
      if (left === 0) {
        if (accept(current)) found.push(current);
        return;
      }
      for (let k = from; k < positions.length; k++) choose(k + 1, left - 1, swap(current, positions[k]!));
    };
    choose(0, swaps, text);
    if (found.length > 0) return found;
  }
  return [];
}
