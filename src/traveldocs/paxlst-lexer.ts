// Splitting UN/EDIFACT text into segments, data elements and components (ISO 9735-1 syntax rules; PAXLST guide §4.1
// for UNA), with each segment's position.
// Knows nothing of PAXLST: tags are not interpreted here, only checked to be three letters or digits.
import type { PaxlstProblem } from './paxlst-types.js';

/** The six service characters that UNA may announce (UNA1–UNA6, ISO 9735-1; PAXLST guide §4.1). */
export interface EdifactSeparators {
  component: string;
  element: string;
  decimal: string;
  release: string;
  /** UNA5: reserved (space) up to syntax version 3, the repetition separator from version 4; read as an ordinary character. */
  reserved: string;
  terminator: string;
}

export interface EdifactSegment {
  tag: string;
  /** elements[0] is [tag]; elements[n] holds the components of the n-th data element, released characters resolved. */
  elements: string[][];
  /** 1-based position in the interchange, the UNA service string advice not counted. */
  number: number;
  line: number;
  column: number;
}

export interface LexedInterchange {
  segments: EdifactSegment[];
  separators: EdifactSeparators;
  problems: PaxlstProblem[];
  /** True when the text cannot be split reliably (bad UNA, a release character with nothing after it). */
  unreadable: boolean;
}

// ISO 9735-1: the characters in force when no UNA is sent (syntax levels A and B).
export const defaultSeparators: EdifactSeparators = { component: ':', element: '+', decimal: '.', release: '?', reserved: ' ', terminator: "'" };

// UNA carries the six characters in this order, immediately after the tag (PAXLST guide §4.1).
const unaOrder = ['component', 'element', 'decimal', 'release', 'reserved', 'terminator'] as const;

const segmentTag = /^[A-Z0-9]{3}$/;

/** The component at elements[element][component], or '' when the segment stops short of it. */
export function componentOf(segment: EdifactSegment, element: number, component = 0): string {
  return segment.elements[element]?.[component] ?? '';
}

/** Reads the UNA service string advice if present; returns the separators and where segments start. */
function readServiceStringAdvice(text: string, start: number): { separators: EdifactSeparators; next: number } | { error: string } {
  if (!text.startsWith('UNA', start)) return { separators: defaultSeparators, next: start };
  const advice = text.slice(start + 3, start + 9);
  if (advice.length < 6) return { error: `UNA needs 6 service characters after the tag, found ${advice.length}` };
  const separators = { ...defaultSeparators };
  unaOrder.forEach((role, i) => (separators[role] = advice[i]!));
  const distinct = [separators.component, separators.element, separators.terminator];
  if (separators.release !== ' ') distinct.push(separators.release);
  if (new Set(distinct).size !== distinct.length) return { error: `UNA "${advice}" uses one character for two separators` };
  if (/[A-Za-z0-9]/.test(distinct.join(''))) return { error: `UNA "${advice}" uses a letter or digit as a separator` };
  return { separators, next: start + 9 };
}

/**
 * Splits an interchange into segments. Whitespace after a segment terminator is skipped, and line breaks inside a
 * segment are dropped (fixed-width line wrapping), unless the terminator itself is a line break.
 */
export function lexEdifact(text: string): LexedInterchange {
  const problems: PaxlstProblem[] = [];
  let line = 1;
  let column = 1;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const advance = (ch: string) => {
    if (ch === '\n') {
      line += 1;
      column = 1;
    } else column += 1;
  };
  while (at < text.length && /\s/.test(text[at]!)) advance(text[at++]!);
  const una = readServiceStringAdvice(text, at);
  if ('error' in una) {
    problems.push({ code: 'paxlst.syntax', tag: 'UNA', segment: null, line, column, message: una.error });
    return { segments: [], separators: defaultSeparators, problems, unreadable: true };
  }
  const sep = una.separators;
  for (; at < una.next; at++) advance(text[at]!);
  // Some senders put a space in UNA4 to say that no release character is used.
  const release = sep.release === ' ' ? null : sep.release;
  const releasable = new Set([sep.component, sep.element, sep.terminator, sep.release, sep.reserved].filter((c) => c !== ' '));
  const breakIsData = sep.terminator === '\n' || sep.terminator === '\r';

  const segments: EdifactSegment[] = [];
  let elements: string[][] = [];
  let components: string[] = [];
  let value = '';
  let started = false;
  let startLine = line;
  let startColumn = column;

  const finishSegment = (): EdifactSegment => {
    components.push(value);
    elements.push(components);
    const tag = elements[0]![0]!;
    const segment: EdifactSegment = { tag, elements, number: segments.length + 1, line: startLine, column: startColumn };
    if (!segmentTag.test(tag)) {
      problems.push({ code: 'paxlst.syntax', tag, segment: segment.number, line: startLine, column: startColumn, message: `"${tag}" is not a segment tag (three letters or digits)` });
    }
    segments.push(segment);
    elements = [];
    components = [];
    value = '';
    started = false;
    return segment;
  };

  while (at < text.length) {
    const ch = text[at]!;
    if (!started) {
      if (/\s/.test(ch) && !releasable.has(ch)) {
        advance(ch);
        at += 1;
        continue;
      }
      started = true;
      startLine = line;
      startColumn = column;
    }
    if (ch === release) {
      const next = text[at + 1];
      if (next === undefined) {
        problems.push({ code: 'paxlst.syntax', tag: null, segment: segments.length + 1, line, column, message: `release character "${release}" at the end of the text releases nothing` });
        return { segments: [], separators: sep, problems, unreadable: true };
      }
      if (!releasable.has(next)) {
        problems.push({ code: 'paxlst.syntax', tag: null, segment: segments.length + 1, line, column, message: `release character "${release}" before "${next}", which is not a service character` });
      }
      value += next;
      advance(ch);
      advance(next);
      at += 2;
      continue;
    }
    if (ch === sep.terminator) finishSegment();
    else if (ch === sep.element) {
      components.push(value);
      elements.push(components);
      components = [];
      value = '';
    } else if (ch === sep.component) {
      components.push(value);
      value = '';
    } else if (breakIsData || (ch !== '\n' && ch !== '\r')) value += ch;
    advance(ch);
    at += 1;
  }
  if (started) {
    const last = finishSegment();
    problems.push({ code: 'paxlst.syntax', tag: last.tag, segment: last.number, line: last.line, column: last.column, message: `the last segment has no terminator "${sep.terminator}"` });
  }
  return { segments, separators: sep, problems, unreadable: false };
}
