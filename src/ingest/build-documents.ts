// Turns what a parser produced for one file into document records: the file itself, the records inside
// it (JSON collections), and the articles of multi-article pages, each with its parent and position. A document
// whose format left its language unsaid gets the language of its text; an article its own, else its page's.
import { createHash } from 'node:crypto';
import type { DocumentRecord, SourceRecord } from '../store/index.js';
import { detectLanguage } from './detect-language.js';
import type { ParsedDocument } from './parser.js';
import { splitArticles } from './split-articles.js';

function documentId(sha256: string, part: string): string {
  const basis = part === '' ? sha256 : createHash('sha256').update(`${sha256}/${part}`).digest('hex');
  return 'd_' + basis.slice(0, 16);
}

export function buildDocuments(source: SourceRecord, parsed: ParsedDocument[]): DocumentRecord[] {
  const base = {
    sha256: source.sha256,
    size: source.size,
    path: source.path,
    mediaType: source.mediaType,
    ingestedAt: source.ingestedAt,
  };
  const fileId = documentId(source.sha256, '');
  const out: DocumentRecord[] = [];
  const withArticles = (doc: DocumentRecord) => {
    doc.language ??= detectLanguage(doc.text);
    out.push(doc);
    const articles = doc.text ? splitArticles(doc.text) : null;
    if (!articles) return;
    doc.isLeaf = false;
    doc.metadata = { ...doc.metadata, articles: String(articles.length) };
    articles.forEach((article, position) => {
      out.push({
        ...base,
        id: documentId(source.sha256, `${doc.position}/${position}`),
        parentId: doc.id,
        position,
        title: article.title,
        author: article.author,
        date: article.date,
        language: detectLanguage(article.text) ?? doc.language,
        text: article.text,
        span: { start: article.start, end: article.end },
        isLeaf: true,
        metadata: article.truncated ? { truncated: 'true' } : {},
      });
    });
  };
  if (parsed.length === 1) {
    withArticles({ ...base, ...parsed[0]!, id: fileId, parentId: null, position: 0, span: null, isLeaf: true });
    return out;
  }
  // A file holding several documents becomes a container with one child per record.
  const name = source.path.split(/[\\/]/).pop() ?? source.path;
  out.push({
    ...base,
    id: fileId,
    parentId: null,
    position: 0,
    title: name,
    author: null,
    date: null,
    language: null,
    text: '',
    span: null,
    isLeaf: false,
    metadata: { records: String(parsed.length) },
  });
  parsed.forEach((doc, position) => {
    withArticles({ ...base, ...doc, id: documentId(source.sha256, String(position)), parentId: fileId, position, span: null, isLeaf: true });
  });
  return out;
}
