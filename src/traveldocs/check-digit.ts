// ICAO 9303-3 §4.9: check digits over MRZ characters, weights 7, 3, 1 repeating;
// digits count as themselves, A–Z as 10–35, the filler "<" as 0.
const weights = [7, 3, 1] as const;

export function characterValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  if (ch === '<') return 0;
  throw new RangeError(`"${ch}" is not an MRZ character`);
}

export function checkDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += characterValue(field[i]!) * weights[i % 3]!;
  return String(sum % 10);
}
