// The writing system of a listed name, and the split of a name that mixes two ("Agha Jan Alizai اغا جان عالیزی"):
// screening transliterates by script, so each alias must be in one.
import type { ImportedName, NameScript } from './imported-entry.js';

const letterScripts: { script: NameScript; pattern: RegExp }[] = [
  { script: 'latin', pattern: /\p{Script=Latin}/u },
  { script: 'arabic', pattern: /\p{Script=Arabic}/u },
  { script: 'cyrillic', pattern: /\p{Script=Cyrillic}/u },
];
const letter = /\p{L}/u;

/** Letters shared by scripts, such as the Arabic tatweel "ـ" that stretches a word: they belong to their neighbours. */
const sharedLetter = /[\p{Script=Common}\p{Script=Inherited}]/u;

function scriptOfLetter(char: string): NameScript | null {
  if (!letter.test(char) || sharedLetter.test(char)) return null;
  return letterScripts.find((s) => s.pattern.test(char))?.script ?? 'other';
}

/** The script most of the name's letters are written in; `other` for CJK, Greek, Hangul … and for no letters at all. */
export function detectScript(name: string): NameScript {
  const counts = new Map<NameScript, number>();
  for (const char of name) {
    const script = scriptOfLetter(char);
    if (script !== null) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: NameScript = 'other';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) [best, bestCount] = [script, count];
  }
  return best;
}

const edgePunctuation = /^[\s,;:()[\]{}'"‘’“”-]+|[\s,;:()[\]{}'"‘’“”-]+$/gu;

/**
 * Splits a name into runs of one script each, trimmed of the brackets and commas that joined them:
 * "Abdul Haq (عبد الحق)" gives "Abdul Haq" and "عبد الحق". A name in one script comes back whole and untouched.
 */
export function splitByScript(name: string): { name: string; script: NameScript }[] {
  const runs: { text: string; script: NameScript | null }[] = [];
  for (const char of name) {
    const script = scriptOfLetter(char);
    const last = runs[runs.length - 1];
    if (last === undefined) runs.push({ text: char, script });
    else if (script === null || last.script === null || script === last.script) {
      last.text += char;
      last.script ??= script;
    } else runs.push({ text: char, script });
  }
  const scripts = new Set(runs.map((r) => r.script).filter((s) => s !== null));
  if (scripts.size <= 1) return [{ name: name.trim(), script: detectScript(name) }];
  return runs
    .map((r) => ({ name: r.text.replace(edgePunctuation, ''), script: r.script ?? 'other' }))
    .filter((r) => r.name.length > 0);
}

/** Names in the shape importers return, one per script run. */
export function importedNames(name: string, quality: ImportedName['quality']): ImportedName[] {
  return splitByScript(name).map((part) => ({ name: part.name, quality, script: part.script }));
}
