// Names seen as entities in the training data, by type: a gazetteer the model learns from its own training
// set and ships inside the weights file. Matched longest first over lower-case tokens. When training, each
// sentence sees only the names of the other folds (see train-cli.ts): a sentence always finds its own names,
// so a model trained on that would trust the list far more than it deserves on new text.
import { extendSequence, hashString, sequenceStart } from './feature-hash.js';
import { spansFromTags, type NerType } from './tags.js';

const types: readonly NerType[] = ['PER', 'ORG', 'LOC'];

export interface KnownMatch {
  /** Hash of `name`: the value of the feature. */
  key: number;
  /** "PER-B", "LOC-I"…: the name's usual type and the token's place in it. */
  name: string;
  /** The name is the whole sentence. */
  whole: boolean;
}

const matchNames = types.flatMap((type) => ['B', 'I'].map((mark) => `${type}-${mark}`));
const matchKeys = new Map(matchNames.map((name) => [name, hashString(name)]));

export class KnownEntities {
  /** Sequence hash of the lower-case tokens → counts as PER, ORG, LOC. */
  private readonly counts = new Map<number, [number, number, number]>();
  /** Lower-case text (tokens joined by spaces) of every name, for the weights file. */
  private readonly texts = new Map<number, string>();
  /** Hash of a first token → the most tokens a name starting with it has. */
  private readonly longest = new Map<number, number>();

  get size(): number {
    return this.counts.size;
  }

  add(tokens: readonly string[], type: NerType, count = 1): void {
    if (tokens.length === 0 || tokens.some((t) => /\s/.test(t))) return;
    const lower = tokens.map((t) => t.toLowerCase());
    let h = sequenceStart;
    for (const token of lower) h = extendSequence(h, hashString(token));
    let counts = this.counts.get(h);
    if (!counts) {
      counts = [0, 0, 0];
      this.counts.set(h, counts);
      this.texts.set(h, lower.join(' '));
    }
    counts[types.indexOf(type)]! += count;
    const first = hashString(lower[0]!);
    this.longest.set(first, Math.max(this.longest.get(first) ?? 0, lower.length));
  }

  /** The names in gold-tagged sentences. */
  static fromSentences(sentences: readonly { tokens: readonly string[]; tags: readonly string[] }[]): KnownEntities {
    const known = new KnownEntities();
    for (const s of sentences) for (const span of spansFromTags(s.tags)) known.add(s.tokens.slice(span.start, span.end), span.type);
    return known;
  }

  /** For each token, the longest known name covering it (matched left to right), or null. */
  match(words: readonly { lowerHash: number }[]): (KnownMatch | null)[] {
    const out: (KnownMatch | null)[] = new Array(words.length).fill(null);
    let i = 0;
    while (i < words.length) {
      const most = Math.min(this.longest.get(words[i]!.lowerHash) ?? 0, words.length - i);
      let found = 0;
      let type: NerType = 'PER';
      let h = sequenceStart;
      for (let n = 1; n <= most; n++) {
        h = extendSequence(h, words[i + n - 1]!.lowerHash);
        const counts = this.counts.get(h);
        if (counts) {
          found = n;
          type = types[counts.indexOf(Math.max(...counts))]!;
        }
      }
      if (found === 0) {
        i++;
        continue;
      }
      for (let k = 0; k < found; k++) {
        const name = `${type}-${k === 0 ? 'B' : 'I'}`;
        out[i + k] = { key: matchKeys.get(name)!, name, whole: found === words.length };
      }
      i += found;
    }
    return out;
  }

  /** One line per name: "PER ORG LOC counts<TAB>lower-case tokens". */
  encode(): string {
    const lines: string[] = [];
    for (const [h, counts] of this.counts) lines.push(`${counts.join(' ')}\t${this.texts.get(h)}`);
    return lines.sort().join('\n');
  }

  static decode(text: string): KnownEntities {
    const known = new KnownEntities();
    if (text === '') return known;
    for (const line of text.split('\n')) {
      const cut = line.indexOf('\t');
      const counts = line.slice(0, cut).split(' ').map(Number);
      const tokens = line.slice(cut + 1).split(' ');
      if (cut < 0 || counts.length !== 3 || counts.some((c) => !Number.isInteger(c))) throw new Error(`known-entity line "${line}" is not "counts<TAB>tokens"`);
      types.forEach((type, k) => {
        if (counts[k]! > 0) known.add(tokens, type, counts[k]!);
      });
    }
    return known;
  }
}
