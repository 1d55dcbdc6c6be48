import { useState } from 'preact/hooks';
import { ApiError, get, post, setCsrf, type Me } from '../api.js';
import { Field } from '../ui.js';

export function SignIn({ notice, onSignedIn }: { notice: string; onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The first sign-in with a one-time password must set a new one before the session opens.
  const [mustChange, setMustChange] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body: Record<string, string> = { name: String(form.get('name') ?? ''), password: String(form.get('password') ?? '') };
    if (mustChange) {
      const [next, again] = [String(form.get('newPassword') ?? ''), String(form.get('newPasswordAgain') ?? '')];
      if (next !== again) return setError('The two new passwords are not the same.');
      body.newPassword = next;
    }
    setBusy(true);
    setError('');
    try {
      const signed = await post<{ csrf: string }>('/api/session', body);
      setCsrf(signed.csrf);
      onSignedIn(await get<Me>('/api/me'));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'auth.password-change-required') {
        setMustChange(true);
        setError('This is a one-time password: choose your own password to go on.');
      } else setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in" id="main">
      <h1>Vigil</h1>
      <form onSubmit={submit} aria-describedby="sign-in-message">
        <Field label="User name"><input name="name" autoComplete="username" required autoFocus /></Field>
        <Field label="Password"><input name="password" type="password" autoComplete="current-password" required /></Field>
        {mustChange ? (
          <>
            <Field label="New password" hint="At least 12 characters."><input name="newPassword" type="password" autoComplete="new-password" required minLength={12} /></Field>
            <Field label="New password again"><input name="newPasswordAgain" type="password" autoComplete="new-password" required minLength={12} /></Field>
          </>
        ) : null}
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        <p id="sign-in-message" class={error ? 'problem' : 'notice'} role={error ? 'alert' : 'status'}>{error || notice}</p>
      </form>
    </main>
  );
}
