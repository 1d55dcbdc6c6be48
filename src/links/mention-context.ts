// A mention shown where it was said: its sentence, cut to a window around the mention when the sentence is long
// (a table row or an OCR'd page can be one "sentence" of thousands of characters), with whole words at the cuts.

export interface MentionContext {
  context: string;
  /** Where `context` starts in the document's text, so the mention's own offsets still find it. */
  contextStart: number;
}

export function mentionContext(text: string, mention: { start: number; end: number; sentence: { start: number; end: number } }, width = 240): MentionContext {
  let [start, end] = [Math.max(0, mention.sentence.start), Math.min(text.length, mention.sentence.end)];
  if (start > mention.start || end < mention.end) [start, end] = [mention.start, mention.end];
  if (end - start > width) {
    const room = Math.max(0, width - (mention.end - mention.start));
    start = Math.max(start, mention.start - Math.floor(room / 2));
    end = Math.min(end, mention.end + Math.ceil(room / 2));
    // Whole words at the cuts: move inwards to the nearest space, unless that would reach the mention.
    const space = text.indexOf(' ', start);
    if (start > mention.sentence.start && space >= 0 && space < mention.start) start = space + 1;
    const lastSpace = text.lastIndexOf(' ', end);
    if (end < mention.sentence.end && lastSpace > mention.end) end = lastSpace;
  }
  // Line breaks become spaces one for one, so offsets into the context still hold.
  return { context: text.slice(start, end).replace(/[\r\n\t]/g, ' '), contextStart: start };
}
