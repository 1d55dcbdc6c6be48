// Audit: the log of who did what, searchable, with the state of its hash chain: every record sealed to the one
// before, so an edit, a deletion or a reordering anywhere shows as a break.
import { useState } from 'preact/hooks';
import { get, type AuditRecord, type AuditVerification, type Me } from '../api.js';
import { useLoad } from '../load.js';
import { href, navigate, type Route } from '../route.js';
import { count, Empty, Field, Name, Placeholder, Problem, when } from '../ui.js';

interface AuditPage { results: AuditRecord[]; next: number | null }
const filterNames = ['actor', 'action', 'target', 'q', 'from', 'to'] as const;

export function AuditScreen({ route }: { route: Route; me: Me }) {
  const { params } = route;
  const filters = Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? undefined]));
  const key = params.toString();
  const [pages, setPages] = useState<{ key: string; after: number[] }>({ key, after: [0] });
  const after = pages.key === key ? pages.after : [0];
  const records = useLoad(async (signal) => {
    const loaded = await Promise.all(after.map((a) => get<AuditPage>('/api/audit', { ...filters, after: a, limit: 200, from: toIso(filters.from), to: toIso(filters.to, true) }, signal)));
    return { results: loaded.flatMap((p) => p.results), next: loaded[loaded.length - 1]!.next };
  }, [key, after.join(',')]);
  const verification = useLoad((signal) => get<AuditVerification>('/api/audit/verify', undefined, signal), []);
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    navigate(href('audit', null, Object.fromEntries(filterNames.map((n) => [n, String(form.get(n) ?? '').trim() || null]))));
  };
  const v = verification.data;
  return (
    <div class="audit-screen">
      <header class="screen-head">
        <h1>Audit log</h1>
        <div class={`chain ${v ? (v.problem ? 'chain-broken' : 'chain-ok') : ''}`} role="status" data-testid="chain">
          {verification.error ? <Problem error={verification.error} what="The chain could not be checked" /> : !v ? 'Checking the hash chain…' : v.problem ? (
            <>The chain is <strong>broken at record {v.problem.seq}</strong>: {v.problem.problem}. Records from there on cannot be trusted; tell whoever holds the anchored head.</>
          ) : (
            <>The chain is intact: {count(v.records)} records checked{v.head ? <>; head <code>{v.head.seq}:{v.head.hash.slice(0, 16)}…</code> (keep it elsewhere to prove nothing is cut later)</> : null}.</>
          )}
        </div>
        <form class="filters" onSubmit={submit} key={key}>
          <Field label="Who"><input name="actor" placeholder="user:leila" defaultValue={filters.actor ?? ''} /></Field>
          <Field label="Action (or its start)"><input name="action" placeholder="screen, watchlist." defaultValue={filters.action ?? ''} /></Field>
          <Field label="On"><input name="target" defaultValue={filters.target ?? ''} /></Field>
          <Field label="Text in the details"><input name="q" defaultValue={filters.q ?? ''} /></Field>
          <Field label="From"><input name="from" type="date" defaultValue={filters.from ?? ''} /></Field>
          <Field label="To"><input name="to" type="date" defaultValue={filters.to ?? ''} /></Field>
          <button type="submit">Find</button>
        </form>
      </header>
      <Problem error={records.error} what="The log could not be read" />
      {records.data ? (
        records.data.results.length === 0 ? <Empty><p>No record matches. Widen the dates or clear a filter.</p></Empty> : (
          <>
            <table class="audit-table">
              <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">On</th><th scope="col">Outcome</th><th scope="col">Details</th></tr></thead>
              <tbody>
                {records.data.results.map((r) => (
                  <tr key={r.seq} class={`outcome-${r.outcome}`}>
                    <td class="num">{r.seq}</td>
                    <td>{when(r.at)}</td>
                    <td>{r.actor}</td>
                    <td>{r.action}</td>
                    <td>{r.target ? <Name>{r.target}</Name> : ''}</td>
                    <td>{r.outcome}</td>
                    <td><details><summary>{summarise(r.details)}</summary><pre dir="auto">{JSON.stringify(r.details, null, 2)}</pre>{r.hash ? <p class="hash">sealed {r.hash}</p> : null}</details></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {records.data.next !== null ? <button type="button" onClick={() => setPages({ key, after: [...after, records.data!.next!] })} disabled={records.loading}>Show more</button> : <p class="hint">End of the log.</p>}
          </>
        )
      ) : <Placeholder rows={10} label="Reading the log" />}
    </div>
  );
}

const toIso = (date: string | undefined, endOfDay = false) => (date ? `${date}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : undefined);

function summarise(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  const text = Object.entries(details as Record<string, unknown>).slice(0, 3).map(([k, v]) => `${k}: ${typeof v === 'object' ? '…' : String(v)}`).join(', ');
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}
