// The checkpoint console: one traveller at a time, typed or read from the passport's machine-readable zone (a
// reader types the MRZ lines into the box), screened on submit; each candidate beside the traveller with the score
// and why; the document's verdict; a decision on each hit with its reason. Every control is reachable by keyboard, in
// the order an officer works. Whole manifests are screened below.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, post, type Candidate, type DocumentVerdict, type Me, type Screening } from '../api.js';
import type { Route } from '../route.js';
import { Field, Name, Problem } from '../ui.js';
import { ManifestPanel } from './manifest.js';

interface Traveller { name?: string; dob?: string; nationality?: string; document?: { number: string; country?: string }; mrz?: string }

const factorLabels: Record<string, string> = { name: 'Name', birthDate: 'Birth date', nationality: 'Nationality', gender: 'Gender', document: 'Document' };

export function ConsoleScreen(_: { route: Route; me: Me }) {
  const [result, setResult] = useState<{ traveller: Traveller; screening: Screening } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) heading.current?.focus();
  }, [result]);

  const screen = async () => {
    const data = new FormData(form.current!);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const traveller: Traveller = {};
    if (text('name')) traveller.name = text('name');
    if (text('dob')) traveller.dob = text('dob');
    if (text('nationality')) traveller.nationality = text('nationality');
    if (text('documentNumber')) traveller.document = { number: text('documentNumber'), ...(text('documentCountry') ? { country: text('documentCountry') } : {}) };
    if (text('mrz')) traveller.mrz = text('mrz');
    if (!traveller.name && !traveller.mrz) {
      setError(new ApiError('Give the traveller’s name, or scan or paste the passport’s machine-readable zone.', 400, 'console.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult({ traveller, screening: await post<Screening>('/api/screen', traveller) });
    } catch (failure) {
      setError(failure as ApiError);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  const next = () => {
    form.current!.reset();
    setResult(null);
    setError(null);
    (form.current!.elements.namedItem('name') as HTMLInputElement).focus();
  };

  return (
    <div class="console-screen">
      <section aria-labelledby="traveller-head" class="traveller-form">
        <h1 id="traveller-head">Screen a traveller</h1>
        <form ref={form} onSubmit={(e) => { e.preventDefault(); void screen(); }} onKeyDown={(e) => {
          // In the MRZ box Enter is the reader's line break; Ctrl+Enter screens from anywhere.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void screen(); }
          if (e.key === 'Escape') next();
        }}>
          <Field label="Name as in the passport"><input name="name" autoFocus autoComplete="off" dir="auto" /></Field>
          <div class="row">
            <Field label="Birth date" hint="YYYY-MM-DD"><input name="dob" autoComplete="off" size={12} /></Field>
            <Field label="Nationality" hint="e.g. SYR"><input name="nationality" autoComplete="off" size={5} /></Field>
          </div>
          <div class="row">
            <Field label="Document number"><input name="documentNumber" autoComplete="off" size={14} /></Field>
            <Field label="Issued by"><input name="documentCountry" autoComplete="off" size={5} /></Field>
          </div>
          <Field label="Machine-readable zone" hint="Scan the passport, or paste its two or three lines. Ctrl+Enter screens; Esc clears.">
            <textarea name="mrz" rows={3} spellcheck={false} autoComplete="off" class="mrz" />
          </Field>
          <div class="actions">
            <button type="submit" disabled={busy}>{busy ? 'Screening…' : 'Screen'}</button>
            <button type="button" class="quiet" onClick={next}>Next traveller</button>
          </div>
          <Problem error={error} what="Not screened" />
        </form>
      </section>
      <section aria-labelledby="result-head" class="screening-result" aria-live="polite">
        {result ? (
          <>
            <h2 id="result-head" tabIndex={-1} ref={heading} class={`verdict verdict-${overall(result.screening)}`} data-testid="verdict">
              {overallLabel(result.screening)}
            </h2>
            <p class="hint">Screened in {result.screening.tookMs ?? '?'} ms · traveller key {result.screening.travellerKey}</p>
            {result.screening.document ? <DocumentPanel verdict={result.screening.document} /> : null}
            {result.screening.candidates.map((c) => <CandidateCard key={c.entryId} candidate={c} traveller={result.traveller} travellerKey={result.screening.travellerKey} />)}
            {result.screening.suppressed.length ? (
              <p class="hint">{result.screening.suppressed.length} earlier hit(s) not raised: a reviewer marked them false matches for this traveller ({result.screening.suppressed.map((s) => s.name).join(', ')}).</p>
            ) : null}
          </>
        ) : (
          <div class="empty"><h2 id="result-head">No traveller screened yet</h2><p>Type the name or scan the passport, then press Enter.</p></div>
        )}
      </section>
      <ManifestPanel />
    </div>
  );
}

function overall(s: Screening): 'match' | 'review' | 'clear' | 'alert' {
  if (s.candidates.some((c) => c.verdict === 'match')) return 'match';
  if (s.document?.status === 'alert') return 'alert';
  return s.candidates.length ? 'review' : 'clear';
}
function overallLabel(s: Screening): string {
  const verdict = overall(s);
  const n = s.candidates.length;
  if (verdict === 'match') return `Match — ${n} candidate${n === 1 ? '' : 's'}: stop and refer`;
  if (verdict === 'alert') return `Document alert${n ? ` and ${n} candidate(s) to review` : ''}`;
  if (verdict === 'review') return `Review — ${n} possible candidate${n === 1 ? '' : 's'}`;
  return 'Clear — no candidate on the watchlists';
}

function DocumentPanel({ verdict }: { verdict: DocumentVerdict }) {
  return (
    <div class={`document-verdict status-${verdict.status}`} role="group" aria-label="Travel document">
      <h3>Document {verdict.number}{verdict.country ? ` (${verdict.country})` : ''}: {verdict.status === 'ok' ? 'no alert' : 'ALERT'}</h3>
      {verdict.alerts.length ? <ul>{verdict.alerts.map((a) => <li key={a}>{a}</li>)}</ul> : null}
      {verdict.mrz ? <p>MRZ {verdict.mrz.format}: {verdict.mrz.valid ? 'check digits valid' : `invalid — ${verdict.mrz.errors.join('; ')}`}{verdict.mrz.warnings.length ? ` (${verdict.mrz.warnings.join('; ')})` : ''}</p> : null}
      {verdict.expired ? <p>Expired.</p> : null}
      {verdict.consistency.length ? (
        <table><thead><tr><th scope="col">Field</th><th scope="col">In the MRZ</th><th scope="col">Given</th><th scope="col">Agrees</th></tr></thead>
          <tbody>{verdict.consistency.map((c) => <tr key={c.field}><td>{c.field}</td><td><Name>{c.mrz}</Name></td><td><Name>{c.given}</Name></td><td>{c.agrees ? 'yes' : 'NO'}</td></tr>)}</tbody></table>
      ) : null}
    </div>
  );
}

function travellerValue(factor: string, t: Traveller): string {
  if (factor === 'name') return t.name ?? '(from the MRZ)';
  if (factor === 'birthDate') return t.dob ?? (t.mrz ? '(from the MRZ)' : '—');
  if (factor === 'nationality') return t.nationality ?? (t.mrz ? '(from the MRZ)' : '—');
  if (factor === 'document') return t.document?.number ?? (t.mrz ? '(from the MRZ)' : '—');
  return '—';
}

function CandidateCard({ candidate: c, traveller, travellerKey }: { candidate: Candidate; traveller: Traveller; travellerKey: string }) {
  const [note, setNote] = useState('');
  const [decided, setDecided] = useState<string | null>(c.decision ? `${c.decision.decision} by ${c.decision.actor.replace(/^user:/, '')}` : null);
  const [error, setError] = useState<ApiError | null>(null);
  const decide = async (decision: 'true-match' | 'false-match') => {
    setError(null);
    try {
      await post('/api/screen/decisions', { travellerKey, entryId: c.entryId, decision, note });
      setDecided(decision === 'true-match' ? 'recorded as a true match' : 'recorded as a false match');
    } catch (failure) {
      setError(failure as ApiError);
    }
  };
  return (
    <article class={`candidate verdict-${c.verdict}`} aria-label={`Candidate ${c.name}`}>
      <header>
        <h3><Name>{c.name}</Name> <span class={`badge verdict-${c.verdict}`}>{c.verdict}</span></h3>
        <span class="score" aria-label={`score ${Math.round(c.score * 100)} out of 100`}>{Math.round(c.score * 100)}</span>
      </header>
      <p class="hint">{c.list}{c.ref ? ` · ${c.ref}` : ''} · entry version {c.entryVersion} · matched on <Name>{c.matchedName}</Name></p>
      <table class="side-by-side">
        <thead><tr><th scope="col">Factor</th><th scope="col">Traveller</th><th scope="col">Effect</th><th scope="col">Why</th></tr></thead>
        <tbody>
          {c.factors.map((f) => (
            <tr key={f.factor}>
              <th scope="row">{factorLabels[f.factor] ?? f.factor}</th>
              <td><Name>{travellerValue(f.factor, traveller)}</Name></td>
              <td class={`num effect-${f.effect > 0 ? 'up' : f.effect < 0 ? 'down' : 'none'}`}>{f.effect > 0 ? '+' : ''}{Math.round(f.effect * 100)}</td>
              <td dir="auto">{f.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="reason" dir="auto">{c.reason}</p>
      <div class="decision">
        {decided ? <p role="status">Decision: {decided}.</p> : (
          <>
            <Field label="Reason for the decision"><input value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} maxLength={2000} /></Field>
            <button type="button" class="danger" onClick={() => void decide('true-match')}>True match</button>
            <button type="button" class="quiet" disabled={!note.trim()} title={note.trim() ? '' : 'Say why it is not this person'} onClick={() => void decide('false-match')}>False match</button>
          </>
        )}
        <Problem error={error} what="The decision was not recorded" />
      </div>
    </article>
  );
}
