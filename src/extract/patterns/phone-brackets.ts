// Brackets at the edges of a phone number's span that belong to the prose around it, not to the number.

/** Opening brackets less closing ones. */
export function bracketBalance(s: string): number {
  return (s.match(/\(/g) ?? []).length - (s.match(/\)/g) ?? []).length;
}

/** The span without an opening bracket it does not close or a closing one it did not open: "(+90 532 111 2233)". */
export function withoutProseBrackets(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && text[start] === '(' && bracketBalance(text.slice(start, end)) > 0) start++;
  while (end > start && text[end - 1] === ')' && bracketBalance(text.slice(start, end)) < 0) end--;
  return { start, end };
}
