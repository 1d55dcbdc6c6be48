// The search box language: words (all must match), "exact phrases", OR between alternatives,
// -word or -"phrase" to exclude, word* for a prefix. Anything else is taken literally.
import { VigilError } from '../errors.js';
import type { TextClause, TextQuery, TextTerm } from '../store/index.js';

interface RawToken {
  text: string;
  phrase: boolean;
  negated: boolean;
}

function lex(input: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    if (input[i] === '"' || input[i] === '“' || input[i] === '”') {
      const close = input.slice(i + 1).search(/["“”]/);
      // An unclosed quote runs to the end of the query rather than failing the search.
      const end = close < 0 ? input.length : i + 1 + close;
      tokens.push({ text: input.slice(i + 1, end), phrase: true, negated });
      i = end + 1;
      continue;
    }
    const end = input.slice(i).search(/[\s"“”]/);
    const stop = end < 0 ? input.length : i + end;
    tokens.push({ text: input.slice(i, stop), phrase: false, negated });
    i = stop;
  }
  return tokens;
}

function toTerm(token: RawToken): TextTerm | null {
  const prefix = !token.phrase && token.text.endsWith('*');
  const text = prefix ? token.text.slice(0, -1) : token.text;
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  const words = token.phrase ? text.trim().split(/\s+/) : [text];
  return { words, prefix };
}

export function parseQuery(input: string): TextQuery {
  const tokens = lex(input.trim());
  const clauses: TextClause[] = [];
  let joinNext = false;
  for (const token of tokens) {
    if (!token.phrase && !token.negated && token.text === 'OR') {
      joinNext = clauses.length > 0;
      continue;
    }
    const term = toTerm(token);
    if (!term) continue;
    const previous = clauses[clauses.length - 1];
    if (joinNext && previous && previous.negated === token.negated) previous.alternatives.push(term);
    else clauses.push({ alternatives: [term], negated: token.negated });
    joinNext = false;
  }
  if (clauses.length === 0) throw new VigilError('input', 'search.empty-query', `the query "${input}" has no words to search for`);
  if (clauses.every((c) => c.negated)) {
    throw new VigilError('input', 'search.only-exclusions', `the query "${input}" only excludes words; add at least one word to find`);
  }
  return { clauses };
}
