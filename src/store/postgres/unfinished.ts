// Branch scaffolding only: methods of the PostgreSQL store still to be written fail loudly, never quietly.
import { VigilError } from '../../errors.js';

export function unfinished<T>(names: string[]): T {
  const part: Record<string, () => Promise<never>> = {};
  for (const name of names) part[name] = () => Promise.reject(new VigilError('internal', 'store.unfinished', `the PostgreSQL store's ${name} is not written yet`));
  return part as T;
}
