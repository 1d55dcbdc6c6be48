// Reading Advance Passenger Information: UN/EDIFACT PAXLST interchanges (WCO/IATA/ICAO PAXLST Implementation Guide,
// D02B/D05B) into flights and travellers. Checks the envelope (UNB…UNZ, UNG…UNE, UNH…UNT) and its control counts.
// Never throws on the text: every fault becomes a problem naming the segment, and the other travellers are kept.
import { checkToday } from './paxlst-dates.js';
import { componentOf as at, lexEdifact, type EdifactSegment } from './paxlst-lexer.js';
import { startMessage, type MessageReader } from './paxlst-message.js';
import type { ParsedPaxlst, PaxlstOptions, PaxlstProblem, PaxlstProblemCode } from './paxlst-types.js';

export type { Flight, FlightEnd, ParsedPaxlst, PaxlstDocument, PaxlstOptions, PaxlstProblem, PaxlstProblemCode, PaxlstSex, PaxlstTraveller } from './paxlst-types.js';

interface OpenInterchange {
  header: EdifactSegment;
  messages: number;
  groups: number;
}

interface OpenGroup {
  header: EdifactSegment;
  messages: number;
}

interface OpenMessage {
  header: EdifactSegment;
  reference: string;
  /** Segments so far, UNH included (guide §4.25: UNT 0074 counts UNH to UNT inclusive). */
  segments: number;
  /** Null when UNH names a message type other than PAXLST: its segments are counted, not read. */
  reader: MessageReader | null;
}

function endOfText(text: string): { line: number; column: number } {
  const lines = text.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Parses a PAXLST interchange. `today` resolves two-digit years (birth dates lie in the past). */
export function parsePaxlst(text: string, options: PaxlstOptions): ParsedPaxlst {
  checkToday(options.today);
  const lexed = lexEdifact(text);
  const problems: PaxlstProblem[] = [...lexed.problems];
  const result: ParsedPaxlst = { flights: [], travellers: [], problems };
  if (lexed.unreadable) return result;

  const report = (segment: EdifactSegment, code: PaxlstProblemCode, message: string) =>
    problems.push({ code, tag: segment.tag, segment: segment.number, line: segment.line, column: segment.column, message });
  const end = endOfText(text);
  const reportAtEnd = (code: PaxlstProblemCode, message: string) => problems.push({ code, tag: null, segment: null, ...end, message });

  /** A trailer's count and reference against what its header opened (guide §4.25–4.27, UNT/UNE/UNZ). */
  const checkTrailer = (trailer: EdifactSegment, what: string, counted: number, header: EdifactSegment | null, reference: string) => {
    const declared = at(trailer, 1).trim();
    if (!/^\d+$/.test(declared)) report(trailer, 'paxlst.value', `${trailer.tag} count "${declared}" is not a number`);
    else if (Number(declared) !== counted) report(trailer, 'paxlst.count', `${trailer.tag} says ${declared} ${what}, counted ${counted}`);
    const closes = at(trailer, 2).trim();
    if (header !== null && closes !== reference) {
      report(trailer, 'paxlst.reference', `${trailer.tag} reference "${closes}" differs from ${header.tag} reference "${reference}" (segment ${header.number})`);
    }
  };

  let interchange: OpenInterchange | null = null;
  let group: OpenGroup | null = null;
  let message: OpenMessage | null = null;
  let sawInterchange = false;
  let sawMessage = false;

  const closeMessage = (trailer: EdifactSegment | null) => {
    if (message === null) return;
    message.reader?.finish(message.header);
    if (trailer === null) report(message.header, 'paxlst.structure', `message ${message.reference} has no UNT`);
    if (group !== null) group.messages += 1;
    else if (interchange !== null) interchange.messages += 1;
    message = null;
  };
  const closeGroup = () => {
    if (group === null) return;
    report(group.header, 'paxlst.structure', `group ${at(group.header, 5)} has no UNE`);
    if (interchange !== null) interchange.groups += 1;
    group = null;
  };

  for (const segment of lexed.segments) {
    if (!/^[A-Z0-9]{3}$/.test(segment.tag)) {
      // Already reported by the lexer; it still counts towards UNT.
      if (message !== null) message.segments += 1;
      continue;
    }
    switch (segment.tag) {
      case 'UNB': // guide §4.2: 0020 interchange control reference in element 5
        closeMessage(null);
        closeGroup();
        if (interchange !== null) report(interchange.header, 'paxlst.structure', `interchange ${at(interchange.header, 5)} has no UNZ`);
        interchange = { header: segment, messages: 0, groups: 0 };
        sawInterchange = true;
        break;
      case 'UNG': // guide §4.3: 0048 group reference number in element 5
        closeMessage(null);
        closeGroup();
        group = { header: segment, messages: 0 };
        break;
      case 'UNH': { // guide §4.4: 0062 message reference, S009 message identifier
        closeMessage(null);
        if (!sawInterchange && !sawMessage) report(segment, 'paxlst.structure', 'UNH comes before any UNB interchange header');
        sawMessage = true;
        const reference = at(segment, 1).trim();
        const type = at(segment, 2).trim();
        if (reference === '') report(segment, 'paxlst.value', 'UNH has no message reference (element 1, 0062)');
        let reader: MessageReader | null = null;
        if (type !== 'PAXLST') report(segment, 'paxlst.structure', `UNH message type is "${type}", not PAXLST; the message is not read`);
        else reader = startMessage({ reference, today: options.today, flights: result.flights, travellers: result.travellers, report });
        message = { header: segment, reference, segments: 1, reader };
        break;
      }
      case 'UNT': // guide §4.25: 0074 number of segments, 0062 message reference
        if (message === null) {
          report(segment, 'paxlst.structure', 'UNT without a UNH');
          break;
        }
        message.segments += 1;
        checkTrailer(segment, 'segments', message.segments, message.header, message.reference);
        closeMessage(segment);
        break;
      case 'UNE': // guide §4.26: 0060 number of messages, 0048 group reference
        closeMessage(null);
        if (group === null) {
          report(segment, 'paxlst.structure', 'UNE without a UNG');
          break;
        }
        checkTrailer(segment, 'messages', group.messages, group.header, at(group.header, 5).trim());
        if (interchange !== null) interchange.groups += 1;
        group = null;
        break;
      case 'UNZ': // guide §4.27: 0036 number of messages, or of groups when there are groups; 0020 control reference
        closeMessage(null);
        closeGroup();
        if (interchange === null) {
          report(segment, 'paxlst.structure', 'UNZ without a UNB');
          break;
        }
        if (interchange.groups > 0) checkTrailer(segment, 'groups', interchange.groups, interchange.header, at(interchange.header, 5).trim());
        else checkTrailer(segment, 'messages', interchange.messages, interchange.header, at(interchange.header, 5).trim());
        interchange = null;
        break;
      default:
        if (message === null) {
          report(segment, 'paxlst.structure', `${segment.tag} stands outside a message (UNH…UNT); it is not read`);
          break;
        }
        message.segments += 1;
        message.reader?.read(segment);
    }
  }
  if (message !== null) closeMessage(null);
  closeGroup();
  if (interchange !== null) report((interchange as OpenInterchange).header, 'paxlst.structure', `interchange ${at((interchange as OpenInterchange).header, 5)} has no UNZ`);
  if (!sawInterchange) reportAtEnd('paxlst.structure', 'no UNB interchange header: this is not an EDIFACT interchange');
  if (!sawMessage) reportAtEnd('paxlst.structure', 'no UNH message header: the interchange holds no message');
  return result;
}
