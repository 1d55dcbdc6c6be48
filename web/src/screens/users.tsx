// Users (administrators): who may use Vigil, in which role and which collections. A new user's one-time password is
// shown here once, to hand over in person; it must be changed at the first sign-in.
import { useState } from 'preact/hooks';
import { get, post, type Me } from '../api.js';
import { useLoad } from '../load.js';
import type { Route } from '../route.js';
import { Field, Placeholder, Problem, when } from '../ui.js';

interface User { id: string; name: string; role: string; collections: string[]; disabled: boolean; mustChangePassword: boolean; createdAt: string }

const roles = [
  { value: 'analyst', label: 'analyst — reads the haul, decides on entities, proposes people' },
  { value: 'watchlist-manager', label: 'watchlist manager — reads the haul, edits lists, approves proposals' },
  { value: 'screener', label: 'screener — screens travellers and documents only' },
  { value: 'auditor', label: 'auditor — reads the audit log only' },
  { value: 'admin', label: 'administrator — manages users only' },
];
const list = (text: string) => text.split(',').map((c) => c.trim()).filter(Boolean);

export function UsersScreen({ me }: { route: Route; me: Me }) {
  const users = useLoad((signal) => get<{ results: User[] }>('/api/users', undefined, signal), []);
  const collections = useLoad((signal) => get<{ results: { name: string }[] }>('/api/collections', undefined, signal).catch(() => ({ results: [] })), []);
  const [handOver, setHandOver] = useState<{ name: string; password: string } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      users.reload();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const add = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void act(async () => {
      const added = await post<{ user: User; password: string }>('/api/users', { name: String(data.get('name') ?? ''), role: String(data.get('role') ?? ''), collections: list(String(data.get('collections') ?? '')) });
      setHandOver({ name: added.user.name, password: added.password });
      form.reset();
    });
  };
  const reset = (name: string) => act(async () => {
    const done = await post<{ password: string }>(`/api/users/${encodeURIComponent(name)}/reset-password`, {});
    setHandOver({ name, password: done.password });
  });
  const known = collections.data?.results.map((c) => c.name) ?? [];
  return (
    <div class="users-screen">
      <h1>Users</h1>
      {handOver ? (
        <div class="notice" role="status">
          One-time password for <strong>{handOver.name}</strong>: <code data-testid="one-time-password">{handOver.password}</code> — shown only now. Hand it over in person; it must be changed at the first sign-in.
          {' '}<button type="button" class="quiet" onClick={() => setHandOver(null)}>Done</button>
        </div>
      ) : null}
      <Problem error={error ?? users.error} what="Not done" />
      {users.data ? (
        <table>
          <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col">Collections</th><th scope="col">State</th><th scope="col">Since</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {users.data.results.map((u) => {
              const self = me.actor === `user:${u.name}`;
              return (
                <tr key={u.id}>
                  <td>{u.name}{self ? ' (you)' : ''}</td>
                  <td>
                    {self ? u.role : (
                      <select aria-label={`Role of ${u.name}`} value={u.role} onChange={(e) => act(() => post(`/api/users/${encodeURIComponent(u.name)}`, { role: (e.currentTarget as HTMLSelectElement).value }, 'PUT'))}>
                        {roles.map((r) => <option key={r.value} value={r.value}>{r.value}</option>)}
                      </select>
                    )}
                  </td>
                  <td>
                    <form class="inline" onSubmit={(e) => { e.preventDefault(); const value = new FormData(e.currentTarget as HTMLFormElement).get('collections'); void act(() => post(`/api/users/${encodeURIComponent(u.name)}`, { collections: list(String(value ?? '')) }, 'PUT')); }}>
                      <input name="collections" aria-label={`Collections of ${u.name}`} defaultValue={u.collections.join(', ')} size={24} />
                      <button type="submit" class="quiet">Set</button>
                    </form>
                  </td>
                  <td>{u.disabled ? 'disabled' : u.mustChangePassword ? 'not signed in yet' : 'active'}</td>
                  <td>{when(u.createdAt).slice(0, 10)}</td>
                  <td class="actions">
                    {self ? null : u.disabled
                      ? <button type="button" class="quiet" onClick={() => act(() => post(`/api/users/${encodeURIComponent(u.name)}/enable`, {}))}>Enable</button>
                      : <button type="button" class="danger" onClick={() => act(() => post(`/api/users/${encodeURIComponent(u.name)}/disable`, {}))}>Disable</button>}
                    <button type="button" class="quiet" onClick={() => reset(u.name)}>New one-time password</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : <Placeholder rows={4} />}
      <form class="entry-form" onSubmit={add}>
        <h2>Add a user</h2>
        <div class="row">
          <Field label="User name" hint="Letters, digits, dot, dash or underscore."><input name="name" required maxLength={64} /></Field>
          <Field label="Role"><select name="role">{roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}</select></Field>
          <Field label="Collections" hint={`The cases they read, with commas; * for every one.${known.length ? ` Known: ${known.join(', ')}.` : ''}`}><input name="collections" size={30} /></Field>
        </div>
        <button type="submit">Add the user</button>
      </form>
    </div>
  );
}
