// Finding an entity by a name as typed (any spelling Vigil has seen), for merges, networks and paths.
import { useEffect, useState } from 'preact/hooks';
import { get, type Entity, type EntityType } from '../api.js';
import { Name, Problem, TypeBadge } from '../ui.js';
import type { ApiError } from '../api.js';

export function EntityPicker({ label, type, exclude, onPick }: { label: string; type?: EntityType; exclude?: string; onPick: (entity: Entity) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Entity[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (text.trim().length < 2) return setFound([]);
    const controller = new AbortController();
    // Wait for a pause in typing before asking.
    const timer = setTimeout(() => {
      get<{ results: Entity[] }>('/api/entities', { q: text.trim(), type, limit: 8 }, controller.signal).then(
        (page) => { setError(null); setFound(page.results.filter((e) => e.id !== exclude)); },
        (failure: ApiError) => { if (!controller.signal.aborted) setError(failure); },
      );
    }, 200);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [text, type, exclude]);
  return (
    <div class="picker">
      <label class="field">
        <span class="field-label">{label}</span>
        <input type="search" value={text} placeholder="a name, in any spelling" onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <Problem error={error} />
      {found.length > 0 ? (
        <ul class="picker-results" aria-label={`${label}: names found`}>
          {found.map((e) => (
            <li key={e.id}>
              <button type="button" class="quiet" onClick={() => { onPick(e); setText(''); setFound([]); }}>
                <Name>{e.name}</Name> <TypeBadge type={e.type} /> <span class="hint">{e.mentions} mentions</span>
              </button>
            </li>
          ))}
        </ul>
      ) : text.trim().length >= 2 ? <p class="hint">No match yet.</p> : null}
    </div>
  );
}
