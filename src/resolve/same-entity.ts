// When two spellings are one entity: the name engine's score (src/names), with rules per type that the
// engine, built for screening where recall comes first, does not apply:
// - people: a kunya is not a given name ("Abu Omar al-Rawi", the father, is not "Omar al-Rawi", his son);
// - organisations: the designator words ("Foundation", "Charity", "Front") may differ or be left out when they
//   say the same kind of body ("Nur al-Khayr Charitable Foundation" = "Nour al-Kheir Charity" = "Nur al-Khair"),
//   but not when they say different kinds ("Amana Exchange" is not an "Amana Foundation").
import { compareTokenisedNames, memoiseString, tokeniseName as tokeniseNameUncached, type NameToken } from '../names/index.js';

/** Resolution compares each spelling with many candidates' spellings: each is tokenised once, not once per pair. */
export const tokeniseName: (name: string) => readonly NameToken[] = memoiseString(tokeniseNameUncached, 100_000);
import type { EntityType } from '../store/index.js';

/**
 * The name score, counted only when at least one token agrees exactly or as a known spelling variant:
 * a merely similar word ("Antep" / "Antwerp") is not evidence enough to make two entities one.
 */
function anchoredScore(a: string, b: string): number {
  const comparison = compareTokenisedNames(tokeniseName(a), tokeniseName(b));
  const anchored = comparison.matches.some((m) => m.kind === 'exact' || m.kind === 'spelling-variant');
  return anchored ? comparison.score : 0;
}

const kunyaWords = new Set(['abu', 'um']);

/** Folded tokens used as a kunya (after abu/umm), and the other identity tokens. */
function kunyaParts(name: string): { kunya: Set<string>; other: Set<string> } {
  const tokens = tokeniseName(name);
  const kunya = new Set<string>();
  const other = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.connector) return;
    const previous = tokens[i - 1];
    if (previous?.connector && kunyaWords.has(previous.folded)) kunya.add(t.folded);
    else other.add(t.folded);
  });
  return { kunya, other };
}

/** One name uses a word as a kunya that the other uses as a plain name: "Abu Omar …" against "Omar …". */
function kunyaConflict(a: string, b: string): boolean {
  const x = kunyaParts(a);
  const y = kunyaParts(b);
  for (const k of x.kunya) if (!y.kunya.has(k) && y.other.has(k)) return true;
  for (const k of y.kunya) if (!x.kunya.has(k) && x.other.has(k)) return true;
  return false;
}

// Designators by the kind of body they name; words of one kind may stand for each other. Folded as tokeniseName
// folds them, so both spellings of a word meet here.
const designatorKinds: Record<string, string[]> = {
  charity: ['foundation', 'charity', 'charitable', 'association', 'society', 'organisation', 'organization', 'relief', 'aid', 'fund', 'trust', 'humanitarian'],
  front: ['front', 'jabhat', 'jabha'],
  media: ['news', 'agency', 'media', 'press', 'foundation'],
  exchange: ['exchange', 'hawala', 'money', 'transfers', 'transfer', 'remittance', 'remittances', 'company', 'office', 'trading'],
  army: ['army', 'jaysh', 'jaish', 'forces', 'force'],
  brigade: ['brigade', 'brigades', 'liwa', 'battalion', 'battalions', 'kataib', 'katibat'],
  movement: ['movement', 'harakat', 'haraka'],
  party: ['party', 'hizb'],
};
const kindsOfDesignator = new Map<string, Set<string>>();
for (const [kind, words] of Object.entries(designatorKinds)) {
  for (const word of words) {
    const folded = tokeniseName(word)[0]!.folded;
    const kinds = kindsOfDesignator.get(folded) ?? new Set<string>();
    kinds.add(kind);
    kindsOfDesignator.set(folded, kinds);
  }
}
// Words too common in group names to carry one on their own ("Syrian Army" and "Syrian Police" share only "Syrian").
const genericCoreWords = new Set(
  ['syrian', 'iraqi', 'turkish', 'kurdish', 'arab', 'islamic', 'national', 'free', 'democratic', 'revolutionary', 'popular', 'global', 'international', 'united', 'new', 'general']
    .map((w) => tokeniseName(w)[0]!.folded),
);

function orgParts(name: string): { core: string; kinds: Set<string>; generic: boolean } {
  const tokens = tokeniseName(name).filter((t) => !t.connector);
  const core = tokens.filter((t) => !kindsOfDesignator.has(t.folded));
  const kinds = new Set(tokens.flatMap((t) => [...(kindsOfDesignator.get(t.folded) ?? [])]));
  return { core: core.map((t) => t.text).join(' '), kinds, generic: core.every((t) => genericCoreWords.has(t.folded)) };
}

/** Organisations whose names agree once designators of one kind (or none on one side) are set aside. */
function orgScoreWithoutDesignators(a: string, b: string): number {
  const x = orgParts(a);
  const y = orgParts(b);
  if (x.core === '' || y.core === '' || x.generic || y.generic) return 0;
  const compatible = x.kinds.size === 0 || y.kinds.size === 0 || [...x.kinds].some((k) => y.kinds.has(k));
  return compatible ? anchoredScore(x.core, y.core) : 0;
}

/** How sure we are that two spellings of one type name the same real-world thing (0 when a type rule says no). */
export function sameEntityScore(type: EntityType, a: string, b: string): number {
  if (type === 'PERSON' && kunyaConflict(a, b)) return 0;
  const score = anchoredScore(a, b);
  return type === 'ORG' ? Math.max(score, orgScoreWithoutDesignators(a, b)) : score;
}

/**
 * A person named by one word, or by a kunya alone ("Haddad", "Abu Hajer"): many people answer to it, so across
 * documents it joins only an entity already seen written exactly so, and only when just one such entity exists.
 */
export function isBarePersonName(name: string): boolean {
  return tokeniseName(name).filter((t) => !t.connector).length <= 1;
}
