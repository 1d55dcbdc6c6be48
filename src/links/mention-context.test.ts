import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mentionContext } from './mention-context.js';

describe('a mention in its context', () => {
  const text = 'First sentence here. Abu Khalid paid the couriers in Raqqa. Last one.';
  const start = text.indexOf('Abu Khalid');
  const mention = { start, end: start + 'Abu Khalid'.length, sentence: { start, end: text.indexOf(' Last') } };

  it('is the sentence it was said in, starting where the sentence starts', () => {
    const { context, contextStart } = mentionContext(text, mention);
    assert.equal(context, 'Abu Khalid paid the couriers in Raqqa.');
    assert.equal(text.slice(mention.start, mention.end), context.slice(mention.start - contextStart, mention.end - contextStart));
  });

  it('is a window of whole words around the mention when the sentence is long', () => {
    const long = 'word '.repeat(200) + 'Umm Sayyaf ' + 'more '.repeat(200);
    const at = long.indexOf('Umm Sayyaf');
    const { context, contextStart } = mentionContext(long, { start: at, end: at + 10, sentence: { start: 0, end: long.length } }, 60);
    assert.ok(context.length <= 60, context);
    assert.match(context, /^(word )+Umm Sayyaf( more)+$/);
    assert.equal(long.slice(contextStart, contextStart + 4), 'word');
  });

  it('is the mention itself when the sentence offsets do not hold it', () => {
    assert.equal(mentionContext(text, { ...mention, sentence: { start: 0, end: 5 } }).context, 'Abu Khalid');
  });
});
