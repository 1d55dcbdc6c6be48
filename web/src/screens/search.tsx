// Search: a query in the operators the server understands, results with the matched words marked, and facets that
// narrow the results as they are clicked. The URL holds the whole search, so it can be shared and Back undoes a click.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, type Facets, type Me, type SearchPage } from '../api.js';
import { useLoad } from '../load.js';
import { href, listParam, navigate, type Route } from '../route.js';
import { count, Empty, Marked, Name, Placeholder, Problem, TypeBadge, typeLabel } from '../ui.js';

/** The filters search and map share, as URL parameter names (the server's names too). */
export const filterNames = ['entity', 'type', 'place', 'collection', 'language', 'format'] as const;
export const pageSize = 20;

export function searchQuery(params: URLSearchParams): Record<string, string | string[] | undefined> {
  const query: Record<string, string | string[] | undefined> = { q: params.get('q') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  for (const name of filterNames) query[name] = listParam(params, name);
  return query;
}

function paramsWith(params: URLSearchParams, change: Record<string, string | string[] | null>): Record<string, string | string[] | null> {
  const next: Record<string, string | string[] | null> = {};
  for (const [key, value] of params) if (key !== 'cursor' && key !== 'page') next[key] = value;
  return { ...next, ...change };
}

function toggled(params: URLSearchParams, name: string, value: string): Record<string, string | string[] | null> {
  const values = listParam(params, name);
  return paramsWith(params, { [name]: values.includes(value) ? values.filter((v) => v !== value) : [...values, value] });
}

let firstResultsMarked = false;

export function SearchScreen({ route }: { route: Route; me: Me }) {
  const { params } = route;
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  // Cursors of the pages before this one, so Previous goes back without asking the server to count.
  const cursors = useRef<string[]>([]);
  const cursor = params.get('cursor');
  const pageNumber = Number(params.get('page') ?? '1');
  const key = params.toString();
  const results = useLoad(async (signal) => ({ key, page: await get<SearchPage>('/api/search', { ...searchQuery(params), facets: 1, limit: pageSize, cursor }, signal) }), [key]);

  useEffect(() => {
    if (results.data && !firstResultsMarked) {
      firstResultsMarked = true;
      performance.mark('vigil:first-results');
    }
  }, [results.data]);

  const go = (change: Record<string, string | string[] | null>) => {
    cursors.current = [];
    navigate(href('search', null, change));
  };
  const submit = (event: Event) => {
    event.preventDefault();
    go(paramsWith(params, { q: typed.trim() || null }));
  };
  const data = results.data?.page;
  const active = filterNames.some((n) => params.has(n)) || params.has('from') || params.has('to');

  return (
    <div class="search-screen">
      <form class="search-box" role="search" onSubmit={submit}>
        <label class="field grow">
          <span class="field-label">Search the haul</span>
          <input
            type="search"
            name="q"
            value={typed}
            onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
            placeholder='e.g. "Deir ez-Zor" transfer -rumour, or Raqqa OR Mosul'
            aria-describedby="search-help"
            autoFocus
          />
        </label>
        <button type="submit">Search</button>
        <p id="search-help" class="hint">"quoted phrase" · -excluded · either OR other · prefix* — leave empty to browse every document.</p>
      </form>
      <div class="search-body">
        <aside class="facets" aria-label="Narrow the results">
          {data?.facets ? <FacetPanel facets={data.facets} params={params} /> : <Placeholder rows={8} label="Loading facets" />}
          {active ? <button type="button" class="quiet" onClick={() => go({ q: q || null })}>Clear all filters</button> : null}
        </aside>
        {/* data-answered: which search the results on screen answer (tests wait for the one they asked). */}
        <section class="results" aria-label="Results" aria-busy={results.loading} data-answered={results.data?.key}>
          <Problem error={results.error} what="The search failed" />
          {data ? (
            <>
              <p class="result-count" role="status" data-testid="result-count">
                {count(data.total)} {data.total === 1 ? 'document' : 'documents'}
                {data.total > 0 ? ` · page ${pageNumber} of ${count(Math.ceil(data.total / pageSize))}` : ''}
                {' · '}
                <a href={href('map', null, paramsWith(params, {}))}>show on the map</a>
              </p>
              {data.results.length === 0 ? (
                <Empty>
                  <p>No document matches{q ? ` “${q}”` : ''}{active ? ' with these filters' : ''}.</p>
                  <p>Try fewer words, a prefix such as <code>Raqq*</code>, an OR between spellings, or clear the filters.</p>
                </Empty>
              ) : (
                <ol class="hits" start={(pageNumber - 1) * pageSize + 1}>
                  {data.results.map((hit) => (
                    <li key={hit.id} class="hit">
                      <a class="hit-title" href={href('document', hit.id, { q: q || null })}><Name>{hit.title ?? hit.path.split('/').pop() ?? hit.id}</Name></a>
                      <div class="hit-meta">
                        {hit.date ? <span>{hit.date}</span> : <span>undated</span>}
                        {hit.author ? <span><Name>{hit.author}</Name></span> : null}
                        {hit.collections?.length ? <span>{hit.collections.join(', ')}</span> : null}
                        <span class="path"><Name>{hit.path}</Name></span>
                      </div>
                      <p class="snippet"><Marked text={hit.snippet} ranges={hit.highlights} /></p>
                    </li>
                  ))}
                </ol>
              )}
              <nav class="pager" aria-label="Pages">
                <button type="button" disabled={pageNumber <= 1} onClick={() => {
                  const previous = cursors.current.pop();
                  navigate(href('search', null, { ...paramsWith(params, {}), cursor: previous ?? null, page: pageNumber > 2 ? String(pageNumber - 1) : null }));
                }}>Previous</button>
                <button type="button" disabled={!data.nextCursor} onClick={() => {
                  if (cursor) cursors.current.push(cursor);
                  navigate(href('search', null, { ...paramsWith(params, {}), cursor: data.nextCursor, page: String(pageNumber + 1) }));
                }}>Next</button>
              </nav>
            </>
          ) : results.loading ? <Placeholder rows={8} label="Searching" /> : null}
        </section>
      </div>
    </div>
  );
}

function FacetGroup({ title, children }: { title: string; children: preact.ComponentChildren }) {
  return (
    <fieldset class="facet">
      <legend>{title}</legend>
      <ul>{children}</ul>
    </fieldset>
  );
}

function FacetPanel({ facets, params }: { facets: Facets; params: URLSearchParams }) {
  const option = (name: string, value: string, label: preact.ComponentChildren, n: number) => {
    const on = listParam(params, name).includes(value);
    return (
      <li key={value}>
        <a class={on ? 'facet-on' : ''} aria-pressed={on} role="button" href={href('search', null, toggled(params, name, value))} data-facet={name} data-value={value}>
          <span class="facet-label">{label}</span> <span class="facet-count">{count(n)}</span>
        </a>
      </li>
    );
  };
  const dateMax = Math.max(1, ...facets.date.map((d) => d.count));
  const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
  const setDates = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    navigate(href('search', null, paramsWith(params, { from: String(form.get('from') ?? '') || null, to: String(form.get('to') ?? '') || null })));
  };
  return (
    <>
      {facets.entity.length ? <FacetGroup title="Entities">{facets.entity.map((e) => option('entity', e.id, <><Name>{e.name}</Name> <TypeBadge type={e.type} /></>, e.count))}</FacetGroup> : null}
      {facets.type.length ? <FacetGroup title="Mentions of">{facets.type.map((t) => option('type', t.value, typeLabel(t.value), t.count))}</FacetGroup> : null}
      {facets.place.length ? <FacetGroup title="Places">{facets.place.map((p) => option('place', p.id, <Name>{p.name}</Name>, p.count))}</FacetGroup> : null}
      <fieldset class="facet">
        <legend>Date</legend>
        {facets.date.length ? (
          <ul class="histogram" aria-label="Documents by month">
            {facets.date.map((d) => (
              <li key={d.value}><a href={href('search', null, paramsWith(params, { from: d.value, to: d.value }))} title={`${d.value}: ${d.count} documents`} aria-label={`${d.value}: ${d.count} documents`}>
                <span style={{ height: `${Math.max(4, (d.count / dateMax) * 100)}%` }} />
              </a></li>
            ))}
          </ul>
        ) : <p class="hint">No dated documents here.</p>}
        <form class="date-range" onSubmit={setDates}>
          <label>From <input name="from" defaultValue={from} placeholder="2016-01" size={10} pattern="\d{4}(-\d{2}(-\d{2})?)?" title="a year, YYYY-MM or YYYY-MM-DD" /></label>
          <label>to <input name="to" defaultValue={to} placeholder="2017-12" size={10} pattern="\d{4}(-\d{2}(-\d{2})?)?" title="a year, YYYY-MM or YYYY-MM-DD" /></label>
          <button type="submit" class="quiet">Apply</button>
        </form>
      </fieldset>
      {facets.collection.length ? <FacetGroup title="Collection">{facets.collection.map((c) => option('collection', c.value, c.value, c.count))}</FacetGroup> : null}
      {facets.language.length ? <FacetGroup title="Language">{facets.language.map((l) => option('language', l.value, l.value, l.count))}</FacetGroup> : null}
      {facets.format.length ? <FacetGroup title="Format">{facets.format.map((f) => option('format', f.value, f.value, f.count))}</FacetGroup> : null}
    </>
  );
}
