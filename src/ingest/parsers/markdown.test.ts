import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownParser, markdownToText } from './markdown.js';

describe('markdownToText', () => {
  const cases: [string, string, string][] = [
    ['removes heading marks', '# The Mayadin battalion\n## After the withdrawal ##', 'The Mayadin battalion\nAfter the withdrawal'],
    ['removes bold and italic marks', 'paid **Abou Khaled** and *Abu Hamza* and __Youssef__ and _Rezan_', 'paid Abou Khaled and Abu Hamza and Youssef and Rezan'],
    ['keeps underscores inside words', 'file hdd3_ledger_april.xls', 'file hdd3_ledger_april.xls'],
    ['keeps link and image text, drops their targets', 'see [the bulletin](https://example.org/b) and ![map of Hajin](map.png)', 'see the bulletin and map of Hajin'],
    ['removes list markers and quote marks', '- first\n* second\n+ third\n> quoted line', 'first\nsecond\nthird\nquoted line'],
    ['unwraps inline code and fenced blocks', 'run `vigil ingest`\n```sh\nvigil screen\n```', 'run vigil ingest\nvigil screen\n'],
    ['drops horizontal rules', 'above\n\n---\n\nbelow', 'above\n\n\n\nbelow'],
  ];
  for (const [behaviour, markdown, expected] of cases) {
    it(behaviour, () => assert.equal(markdownToText(markdown), expected));
  }
});

describe('markdownParser', () => {
  it('reads title, byline and text from a Markdown note', async () => {
    const markdown = '# First-pass triage of HDD-3\n\nBy **J. Halvorsen**, 15 March 2017\n\nThe drive holds a **ledger**.\n';
    const docs = [];
    for await (const doc of markdownParser.parse(new TextEncoder().encode(markdown), { path: '/haul/triage.md', mediaType: 'text/markdown', size: 0 })) docs.push(doc);
    assert.equal(docs.length, 1);
    assert.deepEqual(docs[0], {
      title: 'First-pass triage of HDD-3',
      author: 'J. Halvorsen',
      date: '2017-03-15',
      language: null,
      text: 'First-pass triage of HDD-3\n\nBy J. Halvorsen, 15 March 2017\n\nThe drive holds a ledger.\n',
      metadata: { encoding: 'utf-8' },
    });
  });
});
