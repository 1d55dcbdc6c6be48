// A whole passenger manifest (CSV, or PAXLST as airlines send it) screened at once: progress as the server works
// through it, then every traveller in a table that can be sorted by score, hits first.
import { useMemo, useState } from 'preact/hooks';
import { readLines, upload, type BatchResult } from '../api.js';
import { count, Field, Name, Problem, VirtualList } from '../ui.js';

type Line =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; results: BatchResult[]; problems: { line?: number; reason: string }[]; tookMs: number }
  | { type: 'error'; error: { code: string; message: string } };

type SortKey = 'score' | 'id' | 'name';
const best = (r: BatchResult) => r.matches[0]?.score ?? (r.document?.status === 'alert' ? 0.001 : 0);

export function ManifestPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Extract<Line, { type: 'result' }> | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'score', descending: true });
  const [onlyHits, setOnlyHits] = useState(false);
  const run = async () => {
    if (!file) return;
    setError(null);
    setOutcome(null);
    setProgress({ done: 0, total: 0 });
    try {
      const response = await upload('/api/screen/manifest', { filename: file.name }, file);
      await readLines(response, (value) => {
        const line = value as Line;
        if (line.type === 'progress') setProgress({ done: line.done, total: line.total });
        else if (line.type === 'result') setOutcome(line);
        // The server failed part-way through: say so rather than show a partial table as the whole.
        else throw new Error(`screening stopped part-way: ${line.error.message}`);
      });
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setProgress(null);
    }
  };
  const rows = useMemo(() => {
    const all = (outcome?.results ?? []).filter((r) => !onlyHits || r.matches.length > 0 || r.document?.status === 'alert' || r.error);
    const value = (r: BatchResult): number | string => (sort.key === 'score' ? best(r) : sort.key === 'id' ? r.id : r.matches[0]?.name ?? '');
    return [...all].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.descending ? -order : order;
    });
  }, [outcome, sort, onlyHits]);
  const hits = outcome?.results.filter((r) => r.matches.length > 0).length ?? 0;
  const header = (key: SortKey, label: string) => (
    <button type="button" class="sort" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'} onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key === 'score' }))}>
      {label}{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
    </button>
  );
  return (
    <section aria-labelledby="manifest-head" class="manifest-panel">
      <h2 id="manifest-head">Screen a manifest</h2>
      <form class="row" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <Field label="Manifest file" hint="CSV with a header row, or a PAXLST (EDIFACT) message."><input type="file" accept=".csv,.edi,.txt,.paxlst" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} /></Field>
        <button type="submit" disabled={!file || progress !== null}>Screen every traveller</button>
      </form>
      {progress ? (
        <div class="progress-line">
          <progress max={progress.total || undefined} value={progress.total ? progress.done : undefined} aria-label="Travellers screened" />
          <span role="status">{progress.total ? `${count(progress.done)} of ${count(progress.total)} travellers` : 'Reading the manifest…'}</span>
        </div>
      ) : null}
      <Problem error={error} what="The manifest was not screened" />
      {outcome ? (
        <>
          <p role="status" data-testid="manifest-summary">{count(outcome.results.length)} travellers screened in {Math.round(outcome.tookMs)} ms: <strong>{count(hits)}</strong> with candidates{outcome.problems.length ? `; ${outcome.problems.length} lines could not be read` : ''}.</p>
          {outcome.problems.length ? <details><summary>Lines not read</summary><ul>{outcome.problems.slice(0, 100).map((p, i) => <li key={i}>{p.line !== undefined ? `line ${p.line}: ` : ''}{p.reason}</li>)}</ul></details> : null}
          <label class="check"><input type="checkbox" checked={onlyHits} onChange={(e) => setOnlyHits((e.currentTarget as HTMLInputElement).checked)} /> Only travellers with candidates or alerts</label>
          <div class="manifest-table" role="table" aria-label="Manifest results">
            <div class="manifest-row head" role="row">
              <span role="columnheader">{header('id', 'Traveller')}</span>
              <span role="columnheader">{header('name', 'Best candidate')}</span>
              <span role="columnheader">{header('score', 'Score')}</span>
              <span role="columnheader">Verdict</span>
              <span role="columnheader">Document</span>
            </div>
            <VirtualList label="Travellers" items={rows} rowHeight={40} height={400} render={(r) => (
              <div class={`manifest-row${r.matches[0] ? ` verdict-${r.matches[0].verdict}` : ''}`} role="row">
                <span role="cell">{r.id}</span>
                <span role="cell">{r.error ? <span class="problem-text">{r.error}</span> : r.matches[0] ? <><Name>{r.matches[0].name}</Name> <span class="hint">{r.matches[0].list}</span></> : <span class="hint">none</span>}</span>
                <span role="cell" class="num">{r.matches[0] ? Math.round(r.matches[0].score * 100) : ''}</span>
                <span role="cell">{r.matches[0]?.verdict ?? (r.error ? 'error' : 'clear')}</span>
                <span role="cell">{r.document ? (r.document.status === 'alert' ? `ALERT: ${r.document.alerts.join('; ')}` : 'ok') : ''}</span>
              </div>
            )} />
          </div>
        </>
      ) : null}
    </section>
  );
}
