// Document: its text with every mention marked and linked to its entity, and where it came from (hash, path inside
// which container, when it was ingested). The original file's download is audited by the server.
import type { JSX } from 'preact';
import { get, type DocumentRecord, type Me, type Mention } from '../api.js';
import { useLoad } from '../load.js';
import { href, type Route } from '../route.js';
import { count, Empty, Name, Placeholder, Problem, typeLabel, when } from '../ui.js';

interface Paragraph { start: number; end: number }

/** Blank-line separated paragraphs, each laid out in its own direction (an Arabic letter inside an English report). */
function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const breaks = /\n\s*\n/g;
  let at = 0;
  for (const found of text.matchAll(breaks)) {
    out.push({ start: at, end: found.index });
    at = found.index + found[0].length;
  }
  out.push({ start: at, end: text.length });
  return out.filter((p) => p.end > p.start);
}

export function MarkedText({ text, mentions, offset = 0 }: { text: string; mentions: Mention[]; offset?: number }) {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  return (
    <div class="document-text">
      {paragraphs(text).map((p) => {
        const parts: JSX.Element[] = [];
        let at = p.start;
        for (const m of sorted) {
          const [start, end] = [m.start - offset, m.end - offset];
          if (start < at || end > p.end) continue;
          if (start > at) parts.push(<span key={`t${at}`}>{text.slice(at, start)}</span>);
          parts.push(
            <a key={`m${start}`} class={`mention type-${m.type.toLowerCase()}`} href={href('entity', m.entityId)} title={`${typeLabel(m.type)}${m.value ? ': ' + m.value : ''} (${m.method}, ${Math.round(m.confidence * 100)}%)`}>
              {text.slice(start, end)}
            </a>,
          );
          at = end;
        }
        if (at < p.end) parts.push(<span key={`t${at}`}>{text.slice(at, p.end)}</span>);
        return <p key={p.start} dir="auto">{parts}</p>;
      })}
    </div>
  );
}

export function DocumentScreen({ route }: { route: Route; me: Me }) {
  const id = route.id ?? '';
  const loaded = useLoad(async (signal) => {
    const [document, mentions] = await Promise.all([
      get<DocumentRecord>(`/api/documents/${encodeURIComponent(id)}`, undefined, signal),
      get<{ results: Mention[] }>(`/api/documents/${encodeURIComponent(id)}/mentions`, undefined, signal),
    ]);
    return { document, mentions: mentions.results };
  }, [id]);
  if (loaded.error) return <Problem error={loaded.error} what={`Document ${id} could not be opened`} />;
  if (!loaded.data) return <Placeholder rows={12} label="Opening the document" />;
  const { document: doc, mentions } = loaded.data;
  const byEntity = new Map<string, { text: string; type: string; n: number }>();
  for (const m of mentions) {
    const seen = byEntity.get(m.entityId);
    if (seen) seen.n++;
    else byEntity.set(m.entityId, { text: m.text, type: m.type, n: 1 });
  }
  const fileName = doc.path.split('/').pop() ?? doc.path;
  return (
    <article class="document-screen">
      <header>
        <h1><Name>{doc.title ?? fileName}</Name></h1>
        <p class="hit-meta">
          {doc.date ? <span>{doc.date}</span> : <span>undated</span>}
          {doc.author ? <span>by <Name>{doc.author}</Name></span> : null}
          {doc.language ? <span>language {doc.language}</span> : null}
          <span>{count(mentions.length)} mentions of {count(byEntity.size)} entities</span>
        </p>
        {route.params.get('q') ? <a href={href('search', null, { q: route.params.get('q') })}>← back to the results for “{route.params.get('q')}”</a> : null}
      </header>
      <div class="document-body">
        <section aria-label="Text">
          {doc.parentId ? (
            <p class="notice">
              This is article {doc.position + 1} of a page with several; <a href={href('document', doc.parentId)}>open the whole page</a>.
            </p>
          ) : null}
          {doc.articles && doc.articles.length > 1 ? (
            <ArticlesOf doc={doc} mentions={mentions} />
          ) : doc.text ? (
            <MarkedText text={doc.text} mentions={mentions} />
          ) : (
            <Empty><p>This document holds no text (an image without OCR, or an empty file). Download the original to look at it.</p></Empty>
          )}
        </section>
        <aside class="provenance" aria-label="Provenance">
          <h2>Provenance</h2>
          <dl>
            <dt>File</dt><dd><Name>{doc.path}</Name></dd>
            <dt>Format</dt><dd>{doc.mediaType}</dd>
            <dt>Size</dt><dd>{count(doc.size)} bytes</dd>
            <dt>SHA-256</dt><dd class="hash">{doc.sha256}</dd>
            <dt>Ingested</dt><dd>{when(doc.ingestedAt)}</dd>
            {doc.collections?.length ? (<><dt>Collection</dt><dd>{doc.collections.join(', ')}</dd></>) : null}
            {Object.entries(doc.metadata).slice(0, 12).map(([k, v]) => (<><dt key={`k${k}`}>{k}</dt><dd key={`v${k}`}><Name>{v}</Name></dd></>))}
          </dl>
          {doc.places && doc.places.length > 0 ? (
            <>
              <h3>Found at</h3>
              <ul class="places-found">
                {doc.places.map((p) => (
                  <li key={p.path + (p.container?.entry ?? '')}>
                    <Name>{p.path}</Name>{p.container ? <> inside <Name>{p.container.entry}</Name></> : null} <span class="hint">({when(p.seenAt)})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p><a class="button" href={`/api/documents/${encodeURIComponent(doc.id)}/original`} download={fileName}>Download the original</a></p>
          <p class="hint">Downloads are recorded in the audit log.</p>
          <h2>Entities here</h2>
          <ul class="entity-list">
            {[...byEntity].sort((a, b) => b[1].n - a[1].n).map(([entityId, e]) => (
              <li key={entityId}><a href={href('entity', entityId)}><Name>{e.text}</Name></a> <span class="hint">{typeLabel(e.type)} ×{e.n}</span></li>
            ))}
          </ul>
        </aside>
      </div>
    </article>
  );
}

/** A page of several articles: each shown under its own rule, so it is clear where one ends. */
function ArticlesOf({ doc, mentions }: { doc: DocumentRecord; mentions: Mention[] }) {
  return (
    <div class="articles">
      {doc.articles!.map((article, i) => {
        const span = article.span ?? { start: 0, end: doc.text.length };
        return (
          <section key={article.id} class="article" aria-label={`Article ${i + 1}`}>
            <h2><a href={href('document', article.id)}>Article {i + 1}{article.title ? ': ' : ''}{article.title ? <Name>{article.title}</Name> : null}</a></h2>
            <MarkedText text={doc.text.slice(span.start, span.end)} mentions={mentions.filter((m) => m.start >= span.start && m.end <= span.end)} offset={span.start} />
          </section>
        );
      })}
    </div>
  );
}
