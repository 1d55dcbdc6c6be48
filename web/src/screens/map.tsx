// Map: where the documents of a search place the group, as circles sized by documents, for a period. Clicking a
// place opens the search narrowed to it. The table beside the map says the same for keyboards and screen readers.
import { get, type Me, type PlaceCount } from '../api.js';
import { useLoad } from '../load.js';
import { PlaceMap } from '../place-map.js';
import { href, listParam, navigate, type Route } from '../route.js';
import { count, Empty, Name, Placeholder, Problem } from '../ui.js';
import { searchQuery } from './search.js';

export function MapScreen({ route }: { route: Route; me: Me }) {
  const { params } = route;
  const key = params.toString();
  const loaded = useLoad((signal) => get<{ results: PlaceCount[]; documents: number }>('/api/places', searchQuery(params), signal), [key]);
  const searchWith = (place: PlaceCount) => {
    const next = Object.fromEntries(params);
    navigate(href('search', null, { ...next, place: [...new Set([...listParam(params, 'place'), place.id])] }));
  };
  const setPeriod = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    navigate(href('map', null, { ...Object.fromEntries(params), from: String(form.get('from') ?? '') || null, to: String(form.get('to') ?? '') || null }));
  };
  const places = loaded.data?.results ?? [];
  const q = params.get('q');
  return (
    <div class="map-screen">
      <header class="screen-head">
        <h1>Where the documents place them</h1>
        <p class="hint">
          {q ? <>Documents matching “{q}”{params.toString() !== `q=${encodeURIComponent(q)}` ? ' and the filters' : ''}. </> : 'Every document. '}
          <a href={href('search', null, Object.fromEntries(params))}>Open these in search</a>
        </p>
        <form class="date-range" onSubmit={setPeriod} key={key}>
          <label>From <input name="from" defaultValue={params.get('from') ?? ''} placeholder="2016-01" size={10} pattern="\d{4}(-\d{2}(-\d{2})?)?" title="a year, YYYY-MM or YYYY-MM-DD" /></label>
          <label>to <input name="to" defaultValue={params.get('to') ?? ''} placeholder="2017-12" size={10} pattern="\d{4}(-\d{2}(-\d{2})?)?" title="a year, YYYY-MM or YYYY-MM-DD" /></label>
          <button type="submit">Show this period</button>
        </form>
      </header>
      <Problem error={loaded.error} what="The places could not be loaded" />
      <div class="map-body">
        <PlaceMap places={places} height={560} onSelect={searchWith} label={`Map of ${places.length} places mentioned in ${loaded.data?.documents ?? 0} documents`} />
        <section aria-label="Places" class="place-table">
          {loaded.data ? (
            places.length === 0 ? (
              <Empty><p>None of these documents names a place Vigil could put on the map. Widen the period or the search.</p></Empty>
            ) : (
              <>
                <p role="status" data-testid="place-count">{count(places.length)} places in {count(loaded.data.documents)} documents</p>
                <table>
                  <thead><tr><th scope="col">Place</th><th scope="col">Documents</th><th scope="col">Mentions</th></tr></thead>
                  <tbody>
                    {places.slice(0, 200).map((p) => (
                      <tr key={p.id}>
                        <td><a href={href('search', null, { ...Object.fromEntries(params), place: [...new Set([...listParam(params, 'place'), p.id])] })}><Name>{p.name}</Name></a>{p.country ? <span class="hint"> {p.country}</span> : null}</td>
                        <td class="num">{count(p.documents)}</td>
                        <td class="num">{count(p.mentions)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )
          ) : <Placeholder rows={10} label="Loading places" />}
        </section>
      </div>
    </div>
  );
}
