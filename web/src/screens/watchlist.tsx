// Watchlist: every list's entries with all their names in every script, the documents and evidence behind them, and
// their history; adding, editing, removing, approving analysts' proposals, and importing a list file with a preview
// of what it would change before anything is written.
import { useState } from 'preact/hooks';
import { ApiError, get, post, remove, type Me, type WatchlistEntry, type WatchlistVersion } from '../api.js';
import { useLoad } from '../load.js';
import { href, navigate, type Route } from '../route.js';
import { count, Empty, Field, Name, Placeholder, Problem, VirtualList, when } from '../ui.js';
import { ImportPanel } from './watchlist-import.js';

interface EntryPage { results: WatchlistEntry[]; total?: number }

export function WatchlistScreen({ route, me }: { route: Route; me: Me }) {
  const { params } = route;
  const [list, status, q, entryId, mode] = ['list', 'status', 'q', 'entry', 'mode'].map((n) => params.get(n) ?? '') as [string, string, string, string, string];
  const set = (change: Record<string, string | null>) => navigate(href('watchlist', null, { ...Object.fromEntries(params), ...change }));
  const entries = useLoad((signal) => get<EntryPage>('/api/watchlist', { list, status: status || 'active', q, limit: 5000 }, signal), [list, status, q]);
  const thresholds = useLoad((signal) => get<{ lists: { list: string }[] }>('/api/watchlist/thresholds', undefined, signal), []);
  const canEdit = me.permissions.includes('watchlist:edit');
  const [typed, setTyped] = useState(q);
  const lists = [...new Set([...(entries.data?.results.map((e) => e.list) ?? []), ...(thresholds.data?.lists.map((t) => t.list) ?? [])])].sort();

  return (
    <div class="watchlist-screen">
      <header class="screen-head">
        <h1>Watchlists</h1>
        <form class="filters" onSubmit={(e) => { e.preventDefault(); set({ q: typed.trim() || null, entry: null }); }}>
          <Field label="Name (any script)"><input type="search" value={typed} onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} /></Field>
          <Field label="List">
            <select value={list} onChange={(e) => set({ list: (e.currentTarget as HTMLSelectElement).value || null, entry: null })}>
              <option value="">every list</option>
              {lists.map((l) => <option key={l} value={l}>{l}</option>)}
            </select>
          </Field>
          <Field label="Status">
            <select value={status || 'active'} onChange={(e) => set({ status: (e.currentTarget as HTMLSelectElement).value, entry: null })}>
              <option value="active">on the list</option>
              <option value="proposed">proposed, awaiting review</option>
              <option value="removed">removed</option>
            </select>
          </Field>
          <button type="submit">Find</button>
          {canEdit ? (
            <>
              <button type="button" class="quiet" onClick={() => set({ mode: 'add', entry: null })}>Add an entry</button>
              <button type="button" class="quiet" onClick={() => set({ mode: 'import', entry: null })}>Import a list file</button>
            </>
          ) : null}
        </form>
      </header>
      <div class="watchlist-body">
        <section aria-label="Entries" class="entries">
          <Problem error={entries.error} what="The watchlist could not be loaded" />
          {entries.data ? (
            entries.data.results.length === 0 ? (
              <Empty>{status === 'proposed' ? <p>No proposal is waiting for review.</p> : <p>No entry{q ? ` named like “${q}”` : ''}{list ? ` in ${list}` : ''}. {canEdit ? 'Add one, or import a list file.' : ''}</p>}</Empty>
            ) : (
              <>
                <p role="status" class="hint">{count(entries.data.total ?? entries.data.results.length)} {(entries.data.total ?? entries.data.results.length) === 1 ? 'entry' : 'entries'}</p>
                <VirtualList
                  label="Watchlist entries"
                  items={entries.data.results}
                  rowHeight={52}
                  height={560}
                  render={(e) => (
                    <a class={`entry-row${e.id === entryId ? ' selected' : ''}`} href={href('watchlist', null, { ...Object.fromEntries(params), entry: e.id, mode: null })} aria-current={e.id === entryId ? 'true' : undefined}>
                      <span class="entry-name"><Name>{e.name}</Name></span>
                      <span class="hint">{e.list}{e.ref ? ` · ${e.ref}` : ''} · {e.aliases.length} other names{e.birthDates.length ? ` · born ${e.birthDates.join(', ')}` : ''}</span>
                    </a>
                  )}
                />
              </>
            )
          ) : <Placeholder rows={10} label="Loading entries" />}
        </section>
        <section class="entry-panel" aria-label="Entry">
          {mode === 'add' && canEdit ? (
            <EntryForm title="Add an entry" lists={lists} onDone={(entry) => { entries.reload(); set({ mode: null, entry: entry.id }); }} />
          ) : mode === 'import' && canEdit ? (
            <ImportPanel lists={lists} onApplied={() => entries.reload()} />
          ) : entryId ? (
            <EntryDetail id={entryId} canEdit={canEdit} onChanged={entries.reload} editing={mode === 'edit'} setMode={(m) => set({ mode: m })} />
          ) : (
            <Empty><p>Choose an entry to see all its names, its documents, the evidence behind it and its history.</p></Empty>
          )}
        </section>
      </div>
    </div>
  );
}

function EntryDetail({ id, canEdit, onChanged, editing, setMode }: { id: string; canEdit: boolean; onChanged: () => void; editing: boolean; setMode: (mode: string | null) => void }) {
  const history = useLoad((signal) => get<{ results: WatchlistVersion[] }>(`/api/watchlist/${encodeURIComponent(id)}/history`, undefined, signal), [id]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState('');
  if (history.error) return <Problem error={history.error} what="The entry could not be opened" />;
  if (!history.data) return <Placeholder rows={8} />;
  const versions = history.data.results;
  const entry = versions[versions.length - 1]!.entry;
  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      setMessage(done);
      setReason('');
      history.reload();
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const path = `/api/watchlist/${encodeURIComponent(id)}`;
  if (editing && canEdit) return <EntryForm title="Edit the entry" entry={entry} lists={[entry.list]} onDone={() => { history.reload(); onChanged(); setMode(null); }} onCancel={() => setMode(null)} />;
  return (
    <article class="entry-detail">
      <h2><Name>{entry.name}</Name></h2>
      <p class="hint">{entry.list}{entry.ref ? ` · reference ${entry.ref}` : ''} · version {entry.version ?? versions.length} · {entry.status ?? 'active'}</p>
      {entry.status === 'proposed' ? <p class="notice">Proposed by {versions[0]!.actor.replace(/^user:/, '')}: not screened against until a watchlist manager approves it.</p> : null}
      <dl>
        <dt>All names</dt>
        <dd><ul class="names">{[entry.name, ...entry.aliases].map((n) => <li key={n}><Name>{n}</Name></li>)}</ul></dd>
        <dt>Born</dt><dd>{entry.birthDates.join(', ') || 'unknown'}</dd>
        <dt>Nationality</dt><dd>{entry.nationalities.join(', ') || 'unknown'}</dd>
        <dt>Gender</dt><dd>{entry.gender ?? 'unknown'}</dd>
        <dt>Documents</dt>
        <dd>{entry.documents.length ? <ul>{entry.documents.map((d) => <li key={d.number}>{d.type} {d.number}{d.country ? ` (${d.country})` : ''}</li>)}</ul> : 'none known'}</dd>
        {entry.notes ? (<><dt>Notes</dt><dd dir="auto">{entry.notes}</dd></>) : null}
        <dt>Evidence</dt>
        <dd>
          {entry.evidence.length ? (
            <ul>{entry.evidence.map((ev) => (
              <li key={ev.entityId}>
                <a href={href('entity', ev.entityId)}>the person in the haul</a>: {ev.mentionCount} mentions in {ev.documentIds.length} documents{' '}
                {ev.documentIds.slice(0, 5).map((d, i) => <a key={d} href={href('document', d)}>[{i + 1}]</a>)}
              </li>
            ))}</ul>
          ) : 'none linked (from a list file, or outside your collections)'}
        </dd>
      </dl>
      {canEdit ? (
        <div class="actions">
          {entry.status === 'proposed' ? (
            <>
              <button type="button" onClick={() => act(() => post(`${path}/approve`, reason ? { note: reason } : {}), 'Approved: the entry is now screened against.')}>Approve</button>
              <button type="button" class="danger" disabled={!reason.trim()} onClick={() => act(() => post(`${path}/reject`, { reason }), 'Rejected.')}>Reject</button>
            </>
          ) : entry.status !== 'removed' ? (
            <>
              <button type="button" onClick={() => setMode('edit')}>Edit</button>
              <button type="button" class="danger" disabled={!reason.trim()} onClick={() => act(() => remove(path, { reason }), 'Removed from the list.')}>Remove</button>
            </>
          ) : null}
          <Field label="Reason (kept in the history)"><input value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} maxLength={500} /></Field>
        </div>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      <Problem error={error} what="The change was not made" />
      <h3>History</h3>
      <ol class="history">
        {[...versions].reverse().map((v) => (
          <li key={v.version}><strong>{v.change}</strong> by {v.actor.replace(/^user:/, '')} at {when(v.at)}{v.note ? <> — <span dir="auto">{v.note}</span></> : null}</li>
        ))}
      </ol>
    </article>
  );
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The form for a new entry or an edit: one name per line, so names in any script can be pasted as they are. */
function EntryForm({ title, entry, lists, onDone, onCancel }: { title: string; entry?: WatchlistEntry; lists: string[]; onDone: (entry: WatchlistEntry) => void; onCancel?: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const documentNumber = text('documentNumber');
    const body = {
      ...(entry ? {} : { list: text('list') || 'local' }),
      ...(text('ref') ? { ref: text('ref') } : {}),
      name: text('name'),
      aliases: lines(text('aliases')),
      dob: lines(text('dob').replace(/,/g, '\n')),
      nationality: lines(text('nationality').replace(/,/g, '\n')),
      ...(text('gender') ? { gender: text('gender') } : {}),
      documents: [
        ...(entry?.documents.slice(documentNumber ? 1 : 0) ?? []),
        ...(documentNumber ? [{ type: 'passport', number: documentNumber, ...(text('documentCountry') ? { country: text('documentCountry') } : {}) }] : []),
      ],
      ...(text('notes') ? { notes: text('notes') } : {}),
      ...(entry && text('note') ? { note: text('note') } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      onDone(entry ? await post<WatchlistEntry>(`/api/watchlist/${encodeURIComponent(entry.id)}`, body, 'PUT') : await post<WatchlistEntry>('/api/watchlist', body));
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="entry-form" onSubmit={submit}>
      <h2>{title}</h2>
      {entry ? null : (
        <Field label="List" hint="An existing list, or a new name (letters, digits, dot, dash).">
          <input name="list" list="known-lists" defaultValue={lists[0] ?? 'local'} required pattern="[\w.\-]+" />
        </Field>
      )}
      <datalist id="known-lists">{lists.map((l) => <option key={l} value={l} />)}</datalist>
      <Field label="Name" hint="As the person is best known; any script."><input name="name" required defaultValue={entry?.name ?? ''} dir="auto" /></Field>
      <Field label="Other names" hint="One per line: other spellings, Arabic script, kunyas."><textarea name="aliases" rows={4} dir="auto" defaultValue={entry?.aliases.join('\n') ?? ''} /></Field>
      <div class="row">
        <Field label="Birth dates" hint="YYYY-MM-DD, YYYY-MM, YYYY or 1961/1964; several with commas."><input name="dob" defaultValue={entry?.birthDates.join(', ') ?? ''} /></Field>
        <Field label="Nationalities" hint='Country codes: "SYR, IRQ".'><input name="nationality" defaultValue={entry?.nationalities.join(', ') ?? ''} /></Field>
        <Field label="Gender">
          <select name="gender" defaultValue={entry?.gender ?? ''}><option value="">unknown</option><option value="M">male</option><option value="F">female</option></select>
        </Field>
      </div>
      <div class="row">
        <Field label="Passport number"><input name="documentNumber" defaultValue={entry?.documents[0]?.number ?? ''} /></Field>
        <Field label="Issued by" hint="Country code."><input name="documentCountry" size={4} defaultValue={entry?.documents[0]?.country ?? ''} /></Field>
        <Field label="Reference" hint="The list's own id, if any."><input name="ref" defaultValue={entry?.ref ?? ''} /></Field>
      </div>
      <Field label="Notes"><textarea name="notes" rows={2} dir="auto" defaultValue={entry?.notes ?? ''} /></Field>
      {entry ? <Field label="Reason for the change" hint="Kept in the entry's history."><input name="note" required maxLength={500} /></Field> : null}
      <Problem error={error} what="Not saved" />
      <div class="actions">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : entry ? 'Save the change' : 'Add to the list'}</button>
        {onCancel ? <button type="button" class="quiet" onClick={onCancel}>Cancel</button> : null}
      </div>
    </form>
  );
}
