// Turns a dialect-free TextQuery into an SQLite FTS5 MATCH expression.
import type { TextQuery, TextTerm } from '../records.js';

function quoteTerm(term: TextTerm): string {
  // A double-quoted FTS5 string is tokenised like the indexed text and matched as a phrase.
  const phrase = '"' + term.words.join(' ').replace(/"/g, '""') + '"';
  return term.prefix ? phrase + ' *' : phrase;
}

export function toFts5Match(query: TextQuery): string {
  const group = (terms: TextTerm[]) =>
    terms.length === 1 ? quoteTerm(terms[0]!) : '(' + terms.map(quoteTerm).join(' OR ') + ')';
  const positive = query.clauses.filter((c) => !c.negated).map((c) => group(c.alternatives));
  const negative = query.clauses.filter((c) => c.negated).map((c) => group(c.alternatives));
  return positive.join(' AND ') + negative.map((n) => ' NOT ' + n).join('');
}
