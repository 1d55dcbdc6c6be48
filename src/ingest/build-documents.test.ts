import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceRecord } from '../store/index.js';
import { buildDocuments } from './build-documents.js';
import type { ParsedDocument } from './parser.js';

function source(path: string, sha256 = 'a1'.repeat(32)): SourceRecord {
  return { sha256, size: 1234, path, mediaType: 'text/plain', ingestedAt: '2024-05-01T10:00:00.000Z' };
}

function parsed(text: string, fields: Partial<ParsedDocument> = {}): ParsedDocument {
  return { title: null, author: null, date: null, language: null, text, metadata: {}, ...fields };
}

const indexPage = [
  'Fuel convoys return to the Hasakah road',
  'Drivers on the road south of Al-Hasakah report that tanker convoys are moving again at night.',
  'Author: Sam Reyes | Date: March 3, 2018 | Permalink',
  'Who is still paying the Mayadin fighters?',
  'Six months after the battalion left the town, its former members still receive salaries…',
  'Read more',
  'A brother in Al-Qaim',
  'Iraqi officials confirmed that the brother of the finance chief ran a trucking yard.',
  'Author: Tomasz Wierzbicki | Date: March 9, 2018 | Permalink',
].join('\n');

describe('buildDocuments', () => {
  it('makes one leaf document of a file holding one document, with the file\'s provenance', () => {
    const src = source('/haul/notes/courier.txt');
    const docs = buildDocuments(src, [parsed('The courier crossed.', { title: 'Courier', date: '2017-04-13', metadata: { encoding: 'utf-8' } })]);
    assert.deepEqual(docs, [{
      id: 'd_' + src.sha256.slice(0, 16),
      sha256: src.sha256,
      size: 1234,
      path: '/haul/notes/courier.txt',
      mediaType: 'text/plain',
      ingestedAt: src.ingestedAt,
      parentId: null,
      position: 0,
      title: 'Courier',
      author: null,
      date: '2017-04-13',
      language: null,
      text: 'The courier crossed.',
      span: null,
      isLeaf: true,
      metadata: { encoding: 'utf-8' },
    }]);
  });

  describe('a file holding several records', () => {
    const src = source('/haul/json/wire-digest-2018.json');
    const docs = buildDocuments(src, [parsed('first item', { title: 'One' }), parsed('second item', { title: 'Two' }), parsed('third item')]);
    const [container, ...records] = docs;

    it('becomes a non-leaf container named after the file, with one leaf child per record', () => {
      assert.equal(docs.length, 4);
      assert.equal(container?.parentId, null);
      assert.equal(container?.isLeaf, false);
      assert.equal(container?.title, 'wire-digest-2018.json');
      assert.equal(container?.text, '');
      assert.deepEqual(container?.metadata, { records: '3' });
    });

    it('gives each record its parent, its position and its own text', () => {
      assert.deepEqual(
        records.map((d) => [d.parentId, d.position, d.title, d.text, d.isLeaf]),
        [
          [container?.id, 0, 'One', 'first item', true],
          [container?.id, 1, 'Two', 'second item', true],
          [container?.id, 2, null, 'third item', true],
        ],
      );
    });

    it('gives every document a distinct id', () => {
      assert.equal(new Set(docs.map((d) => d.id)).size, docs.length);
    });

    it('names a container after the file also for Windows paths', () => {
      const [windowsContainer] = buildDocuments(source('C:\\haul\\json\\digest.json'), [parsed('a'), parsed('b')]);
      assert.equal(windowsContainer?.title, 'digest.json');
    });
  });

  describe('a page of several articles', () => {
    const src = source('/haul/web/index-page.txt');
    const docs = buildDocuments(src, [parsed(indexPage, { title: 'Monitor', language: 'en', metadata: { encoding: 'utf-8' } })]);
    const [page, ...articles] = docs;

    it('keeps the page whole but not as a leaf, and counts its articles', () => {
      assert.equal(page?.isLeaf, false);
      assert.equal(page?.parentId, null);
      assert.equal(page?.text, indexPage);
      assert.deepEqual(page?.metadata, { encoding: 'utf-8', articles: '3' });
    });

    it('makes one leaf per article under the page, in page order', () => {
      assert.deepEqual(
        articles.map((a) => [a.parentId, a.position, a.isLeaf, a.title, a.author, a.date, a.language]),
        [
          [page?.id, 0, true, 'Fuel convoys return to the Hasakah road', 'Sam Reyes', '2018-03-03', 'en'],
          [page?.id, 1, true, 'Who is still paying the Mayadin fighters?', null, null, 'en'],
          [page?.id, 2, true, 'A brother in Al-Qaim', 'Tomasz Wierzbicki', '2018-03-09', 'en'],
        ],
      );
    });

    it('marks the "Read more" teaser as truncated', () => {
      assert.deepEqual(articles.map((a) => a.metadata), [{}, { truncated: 'true' }, {}]);
    });

    it('gives each article a span of the page text that holds its text', () => {
      for (const article of articles) {
        assert.ok(article.span, `${article.title} has a span`);
        assert.ok(indexPage.slice(article.span.start, article.span.end).includes(article.text), `${article.title}`);
      }
    });

    it('keeps the file\'s provenance on every article', () => {
      for (const article of articles) assert.deepEqual([article.sha256, article.path, article.ingestedAt], [src.sha256, src.path, src.ingestedAt]);
    });

    it('derives the same ids from the same bytes, and other ids from other bytes', () => {
      const again = buildDocuments(src, [parsed(indexPage)]);
      assert.deepEqual(again.map((d) => d.id), docs.map((d) => d.id));
      const other = buildDocuments(source(src.path, 'b2'.repeat(32)), [parsed(indexPage)]);
      assert.equal(other.filter((d) => docs.some((mine) => mine.id === d.id)).length, 0);
      for (const d of [...docs, ...other]) assert.match(d.id, /^d_[0-9a-f]{16}$/);
    });
  });

  it('splits an article page inside a multi-record file under its record, with ids distinct from every other', () => {
    const src = source('/haul/json/pages.json');
    const docs = buildDocuments(src, [parsed('a short record'), parsed(indexPage)]);
    const [container, shortRecord, pageRecord, ...articles] = docs;
    assert.deepEqual([container?.isLeaf, shortRecord?.isLeaf, pageRecord?.isLeaf], [false, true, false]);
    assert.equal(pageRecord?.parentId, container?.id);
    assert.equal(articles.length, 3);
    assert.ok(articles.every((a) => a.parentId === pageRecord?.id && a.isLeaf));
    assert.equal(new Set(docs.map((d) => d.id)).size, docs.length);
  });
});
