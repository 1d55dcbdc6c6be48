// Acronym definitions: "Syrian Democratic Forces (SDF)", "the Counter-Terrorism Finance Cell (CTFC)".
// The long form is the shortest run of words before the parenthesis whose initials spell the acronym.

export interface AcronymDefinition {
  acronym: string;
  long: { text: string; start: number; end: number };
  short: { start: number; end: number };
}

const definition = /\(([\p{Lu}][\p{Lu}&]{1,9})\)/gu;
const word = /[\p{L}][\p{L}'’-]*/gu;
const minor = new Set(['of', 'the', 'and', 'for', 'al', 'el', 'de', 'in', 'on', '&']);

function initials(words: string[]): string {
  return words
    .filter((w) => !minor.has(w.toLowerCase()))
    .flatMap((w) => w.split('-').filter(Boolean).map((part) => part[0]!.toUpperCase()))
    .join('');
}

export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (const m of text.matchAll(definition)) {
    // Kept as written ("R&D"), so the mention's text is what the page shows; the initials skip the "&".
    const acronym = m[1]!;
    const letters = acronym.replace(/&/g, '');
    const before = text.slice(Math.max(0, m.index - 160), m.index);
    const offset = m.index - before.length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const words = [...before.slice(lineStart).matchAll(word)].map((w) => ({ text: w[0], start: offset + lineStart + w.index }));
    for (let from = words.length - 1; from >= 0 && from >= words.length - 10; from--) {
      const candidate = words.slice(from);
      const first = candidate[0]!.text;
      if (minor.has(first.toLowerCase())) continue;
      if (initials(candidate.map((w) => w.text)) !== letters) continue;
      const last = candidate[candidate.length - 1]!;
      const start = candidate[0]!.start;
      const end = last.start + last.text.length;
      // The words between the long form and "(" may only be spaces.
      if (text.slice(end, m.index).trim() !== '') break;
      out.push({ acronym, long: { text: text.slice(start, end), start, end }, short: { start: m.index + 1, end: m.index + 1 + acronym.length } });
      break;
    }
  }
  return out;
}
