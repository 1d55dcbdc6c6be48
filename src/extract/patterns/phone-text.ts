// How phone numbers are written, shared by the international (identifiers.ts) and the local (local-phones.ts)
// readers: digit groups and what may join them, the digits Arabic-script documents write, and brackets at a
// number's edges that are its own.

/** A run of digits: ASCII, Arabic-Indic or Persian. */
export const digitRun = /[0-9\u0660-\u0669\u06F0-\u06F9]+/g;

/** The run's digits in ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** What may stand between two digit groups of one number: one space, dash or dot, or a bracket with at most one of those. */
export const joiningSeparator = /^(?:[ \u00A0.-]|[ \u00A0-]?\(|\)[ \u00A0-]?)$/;

/** Whether the characters from `previousEnd` to `start` join two digit groups into one run. */
export function joins(text: string, previousEnd: number, start: number): boolean {
  return start - previousEnd <= 2 && joiningSeparator.test(text.slice(previousEnd, start));
}

/** Opening brackets less closing ones. */
export function bracketBalance(s: string): number {
  return (s.match(/\(/g) ?? []).length - (s.match(/\)/g) ?? []).length;
}

/** The span with a bracket just outside it that it closes or opens inside: "(020) 7946 0958", "(+963) 11 234 5678". */
export function withOwnBrackets(text: string, start: number, end: number): { start: number; end: number } {
  const balance = bracketBalance(text.slice(start, end));
  return {
    start: balance < 0 && text[start - 1] === '(' ? start - 1 : start,
    end: balance > 0 && text[end] === ')' ? end + 1 : end,
  };
}
