// Entity: one person, organisation, place or number as the haul knows it — every spelling seen, each mention in its
// sentence, who and what it keeps company with, where and when — and the analyst's decisions on it.
import { useState } from 'preact/hooks';
import { get, post, type Entity, type Me, type Mention, type PlaceCount, type RelatedEntity, type TimelinePoint, type WatchlistEntry } from '../api.js';
import { useLoad } from '../load.js';
import { lazyComponent } from '../lazy.js';
import { href, navigate, type Route } from '../route.js';
import { count, Empty, Field, Name, Placeholder, Problem, TypeBadge, typeLabel, VirtualList } from '../ui.js';
import { EntityPicker } from './entity-picker.js';

const PlaceMap = lazyComponent(() => import('../place-map.js').then((m) => m.PlaceMap), 'map');

type MentionInContext = Mention & { context?: string; contextStart?: number; documentTitle?: string | null };

export function EntityScreen({ route, me }: { route: Route; me: Me }) {
  const id = route.id ?? '';
  const entity = useLoad((signal) => get<Entity>(`/api/entities/${encodeURIComponent(id)}`, undefined, signal), [id]);
  if (entity.error) return <Problem error={entity.error} what={`Entity ${id} could not be opened`} />;
  if (!entity.data) return <Placeholder rows={10} label="Opening the entity" />;
  const e = entity.data;
  return (
    <article class="entity-screen">
      <header class="screen-head">
        <h1><Name>{e.name}</Name> <TypeBadge type={e.type} /></h1>
        {e.mergedInto ? <p class="notice">This entity was merged into <a href={href('entity', e.mergedInto)}>another</a>.</p> : null}
        <p class="hint">{count(e.mentions)} mentions in {count(e.documents.length)} documents{e.place ? <> · gazetteer: <Name>{e.place.name}</Name>{e.place.country ? `, ${e.place.country}` : ''}</> : null}</p>
        <div class="actions">
          <a class="button" href={href('network', null, { entities: e.id })}>Show the network</a>
          <a class="button quiet" href={href('search', null, { entity: e.id })}>Documents mentioning it</a>
          {e.type === 'PERSON' && me.permissions.includes('watchlist:propose') ? <Propose entity={e} me={me} /> : null}
        </div>
      </header>
      <div class="entity-body">
        <section aria-labelledby="spellings">
          <h2 id="spellings">Names and spellings seen</h2>
          <ul class="spellings">{[e.name, ...e.aliases.filter((a) => a !== e.name)].map((name) => <li key={name}><Name>{name}</Name></li>)}</ul>
          <Mentions entity={e} />
        </section>
        <aside>
          <Related entity={e} />
          <Timeline entity={e} />
          <EntityPlaces entity={e} />
          {me.permissions.includes('entities:decide') ? <Decide entity={e} onChanged={entity.reload} /> : null}
        </aside>
      </div>
    </article>
  );
}

function Propose({ entity, me }: { entity: Entity; me: Me }) {
  const [outcome, setOutcome] = useState<{ entry: WatchlistEntry; created: boolean; restored?: boolean } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const propose = async () => {
    setBusy(true);
    setError(null);
    try {
      setOutcome(await post<{ entry: WatchlistEntry; created: boolean; restored?: boolean }>('/api/watchlist/promote', { entityId: entity.id }));
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };
  const canEdit = me.permissions.includes('watchlist:edit');
  return (
    <span class="propose">
      <button type="button" onClick={propose} disabled={busy || outcome !== null}>{canEdit ? 'Put on the watchlist' : 'Propose for the watchlist'}</button>
      {outcome ? (
        <span role="status">
          {outcome.entry.status === 'proposed' ? (outcome.created || outcome.restored ? ' Proposed: a watchlist manager will review it. ' : ' Already proposed, awaiting review. ') : outcome.created || outcome.restored ? ' Put on the watchlist. ' : ' Already on the watchlist. '}
          {me.permissions.includes('watchlist:read') ? <a href={href('watchlist', null, { entry: outcome.entry.id })}>Open the entry</a> : null}
        </span>
      ) : null}
      <Problem error={error} what="Could not propose" />
    </span>
  );
}

function Mentions({ entity }: { entity: Entity }) {
  const loaded = useLoad((signal) => get<{ results: MentionInContext[]; total?: number }>(`/api/entities/${encodeURIComponent(entity.id)}/mentions`, { context: 1, limit: 500 }, signal), [entity.id]);
  return (
    <>
      <h2>Mentions in context</h2>
      <Problem error={loaded.error} what="The mentions could not be loaded" />
      {loaded.data ? (
        loaded.data.results.length === 0 ? <Empty><p>No mention of it in the documents you can see.</p></Empty> : (
          <VirtualList
            label="Mentions"
            items={loaded.data.results}
            rowHeight={64}
            height={448}
            render={(m) => (
              <div class="mention-row">
                <a href={href('document', m.documentId)} class="mention-doc"><Name>{m.documentTitle ?? m.documentId}</Name></a>
                <p class="mention-context" dir="auto">{m.context !== undefined ? <InContext mention={m} /> : <mark>{m.text}</mark>}</p>
              </div>
            )}
          />
        )
      ) : <Placeholder rows={6} label="Loading mentions" />}
      {loaded.data?.total !== undefined && loaded.data.total > loaded.data.results.length ? (
        <p class="hint">The first {count(loaded.data.results.length)} of {count(loaded.data.total)} mentions; <a href={href('search', null, { entity: entity.id })}>search its documents</a> for the rest.</p>
      ) : null}
    </>
  );
}

function InContext({ mention }: { mention: MentionInContext }) {
  const text = mention.context!;
  const start = mention.start - (mention.contextStart ?? 0);
  const end = start + (mention.end - mention.start);
  if (start < 0 || end > text.length) return <>{text}</>;
  return <>{text.slice(0, start)}<mark>{text.slice(start, end)}</mark>{text.slice(end)}</>;
}

function Related({ entity }: { entity: Entity }) {
  const loaded = useLoad((signal) => get<{ results: RelatedEntity[] }>(`/api/entities/${encodeURIComponent(entity.id)}/related`, { limit: 15 }, signal), [entity.id]);
  return (
    <section aria-labelledby="related">
      <h2 id="related">Mentioned with it</h2>
      <Problem error={loaded.error} />
      {loaded.data ? (
        loaded.data.results.length === 0 ? <p class="hint">Nothing else is mentioned in its documents.</p> : (
          <ol class="related">
            {loaded.data.results.map((r) => (
              <li key={r.id}><a href={href('entity', r.id)}><Name>{r.name}</Name></a> <span class="hint">{typeLabel(r.type)} · {r.documents} shared {r.documents === 1 ? 'document' : 'documents'}</span></li>
            ))}
          </ol>
        )
      ) : <Placeholder rows={5} />}
    </section>
  );
}

function Timeline({ entity }: { entity: Entity }) {
  const loaded = useLoad((signal) => get<{ results: TimelinePoint[]; undated: { mentions: number; documents: number } }>(`/api/entities/${encodeURIComponent(entity.id)}/timeline`, undefined, signal), [entity.id]);
  const points = loaded.data?.results ?? [];
  const most = Math.max(1, ...points.map((p) => p.mentions));
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">When it is mentioned</h2>
      <Problem error={loaded.error} />
      {loaded.data ? (
        <>
          {points.length === 0 ? <p class="hint">None of its documents is dated.</p> : (
            <ul class="histogram timeline" aria-label="Mentions by month">
              {points.map((p) => (
                <li key={p.period}><a href={href('search', null, { entity: entity.id, from: p.period, to: p.period })} title={`${p.period}: ${p.mentions} mentions in ${p.documents} documents`} aria-label={`${p.period}: ${p.mentions} mentions`}>
                  <span style={{ height: `${Math.max(4, (p.mentions / most) * 100)}%` }} />
                </a></li>
              ))}
            </ul>
          )}
          {points.length > 0 ? <p class="hint">{points[0]!.period} – {points[points.length - 1]!.period}{loaded.data.undated.mentions ? ` · ${loaded.data.undated.mentions} more in undated documents` : ''}</p> : null}
        </>
      ) : <Placeholder rows={2} />}
    </section>
  );
}

function EntityPlaces({ entity }: { entity: Entity }) {
  const loaded = useLoad((signal) => get<{ results: PlaceCount[] }>('/api/places', { entity: entity.id }, signal), [entity.id]);
  const places = loaded.data?.results ?? [];
  return (
    <section aria-labelledby="entity-places">
      <h2 id="entity-places">Places in its documents</h2>
      <Problem error={loaded.error} />
      {loaded.data && places.length === 0 ? <p class="hint">Its documents name no place on the map.</p> : (
        <PlaceMap places={places} height={220} label={`Map of ${places.length} places in its documents`} onSelect={(p) => navigate(href('search', null, { entity: entity.id, place: p.id }))} />
      )}
    </section>
  );
}

/** Merge another entity into this one, or split spellings off it; both are kept as decisions and replayed. */
function Decide({ entity, onChanged }: { entity: Entity; onChanged: () => void }) {
  const [other, setOther] = useState<Entity | null>(null);
  const [note, setNote] = useState('');
  const [split, setSplit] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const act = async (work: () => Promise<string>) => {
    setError(null);
    try {
      setMessage(await work());
      setOther(null);
      setSplit([]);
      setNote('');
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const merge = () => act(async () => {
    const done = await post<{ moved: number }>('/api/entities/merge', { target: entity.id, others: [other!.id], ...(note ? { note } : {}) });
    return `Merged: ${done.moved} mentions moved here.`;
  });
  const splitOff = () => act(async () => {
    const done = await post<{ entity: string; moved: number }>(`/api/entities/${encodeURIComponent(entity.id)}/split`, { names: split, ...(note ? { note } : {}) });
    return `Split: ${done.moved} mentions moved to a new entity.`;
  });
  return (
    <section aria-labelledby="decide" class="decide">
      <h2 id="decide">Same or different?</h2>
      <EntityPicker label="Merge into this one" type={entity.type} exclude={entity.id} onPick={setOther} />
      {other ? <p>Merge <Name>{other.name}</Name> ({count(other.mentions)} mentions) into <Name>{entity.name}</Name>? <button type="button" onClick={merge}>Merge</button></p> : null}
      {entity.aliases.length > 0 ? (
        <fieldset>
          <legend>Split these spellings off as another {typeLabel(entity.type)}</legend>
          {entity.aliases.map((a) => (
            <label key={a} class="check"><input type="checkbox" checked={split.includes(a)} onChange={(e) => setSplit((s) => ((e.currentTarget as HTMLInputElement).checked ? [...s, a] : s.filter((x) => x !== a)))} /> <Name>{a}</Name></label>
          ))}
          <button type="button" disabled={split.length === 0} onClick={splitOff}>Split off</button>
        </fieldset>
      ) : null}
      <Field label="Why (kept with the decision)"><input value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} maxLength={500} /></Field>
      {message ? <p role="status">{message}</p> : null}
      <Problem error={error} what="The decision was not made" />
    </section>
  );
}
