// Importing a list file: first a dry run that shows what would be added, changed and retired, then the same file
// applied on the manager's word. Nothing is written until then.
import { useState } from 'preact/hooks';
import { upload, type ImportPreview } from '../api.js';
import { count, Field, Name, Problem } from '../ui.js';

const formats = [
  { value: '', label: 'from the file name' },
  { value: 'vigil', label: 'Vigil JSON' },
  { value: 'csv', label: 'CSV (name, aliases, dob, nationality, passport…)' },
  { value: 'un-xml', label: 'UN consolidated list (XML)' },
  { value: 'ftm', label: 'FollowTheMoney entities (JSON lines)' },
];

export function ImportPanel({ lists, onApplied }: { lists: string[]; onApplied: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [list, setList] = useState('');
  const [format, setFormat] = useState('');
  const [partial, setPartial] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [applied, setApplied] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const response = await upload('/api/watchlist/import', { filename: file.name, list, format, dryRun: dryRun ? 1 : 0, partial: partial ? 1 : undefined }, file);
      const report = (await response.json()) as ImportPreview;
      if (dryRun) setPreview(report);
      else {
        setApplied(report);
        setPreview(null);
        onApplied();
      }
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="import-panel" aria-labelledby="import-head">
      <h2 id="import-head">Import a list file</h2>
      <form onSubmit={(e) => { e.preventDefault(); void run(true); }}>
        <Field label="File"><input type="file" required accept=".json,.csv,.xml,.jsonl,.ndjson" onChange={(e) => { setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null); setPreview(null); setApplied(null); }} /></Field>
        <Field label="Into list" hint="Left empty: the list the file names, or the format's usual list.">
          <input value={list} list="import-lists" onInput={(e) => setList((e.currentTarget as HTMLInputElement).value)} pattern="[\w.\-]*" />
        </Field>
        <datalist id="import-lists">{lists.map((l) => <option key={l} value={l} />)}</datalist>
        <Field label="Format">
          <select value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value)}>{formats.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}</select>
        </Field>
        <label class="check"><input type="checkbox" checked={partial} onChange={(e) => setPartial((e.currentTarget as HTMLInputElement).checked)} /> The file is only part of the list (do not retire entries it leaves out)</label>
        <button type="submit" disabled={!file || busy}>{busy && !preview ? 'Reading…' : 'Preview the changes'}</button>
      </form>
      <Problem error={error} what="The import did not go through" />
      {preview ? (
        <div class="preview" role="status">
          {preview.refused ? <p class="problem">The file has problems, so as a whole list it would be refused and nothing imported. Fix the lines below, or tick “only part of the list” to import what can be read.</p> : null}
          <h3>If applied, list “{preview.list}” would have</h3>
          <p><strong>{count(preview.added)}</strong> added · <strong>{count(preview.updated)}</strong> changed · <strong>{count(preview.retired)}</strong> retired · {count(preview.unchanged)} unchanged{preview.skipped ? ` · ${count(preview.skipped)} skipped` : ''}{preview.rejected.length ? ` · ${count(preview.rejected.length)} rejected` : ''}</p>
          {preview.rejected.length ? (
            <details open><summary>Rejected lines</summary><ul>{preview.rejected.slice(0, 100).map((r, i) => <li key={i}>{r.line !== null ? `line ${r.line}` : r.where ?? 'entry'}: {r.reason}</li>)}</ul></details>
          ) : null}
          {preview.changes?.length ? (
            <table>
              <thead><tr><th scope="col">Change</th><th scope="col">Name</th><th scope="col">Reference</th><th scope="col">Fields</th></tr></thead>
              <tbody>{preview.changes.map((c, i) => <tr key={i} class={`change-${c.kind}`}><td>{c.kind}</td><td><Name>{c.name}</Name></td><td>{c.ref ?? ''}</td><td>{c.fields?.join(', ') ?? ''}</td></tr>)}</tbody>
            </table>
          ) : null}
          {preview.changesTotal !== undefined && preview.changes && preview.changesTotal > preview.changes.length ? <p class="hint">The first {count(preview.changes.length)} of {count(preview.changesTotal)} changes.</p> : null}
          <button type="button" disabled={busy || preview.refused === true} onClick={() => void run(false)}>Apply these changes</button>
        </div>
      ) : null}
      {applied ? <p role="status" class="notice">Imported into “{applied.list}”: {count(applied.added)} added, {count(applied.updated)} changed, {count(applied.retired)} retired, {count(applied.unchanged)} unchanged.</p> : null}
    </section>
  );
}
