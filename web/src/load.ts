// Data for a screen: fetched when its inputs change, with the previous answer kept on screen while the next one
// loads (no layout jump), and answers that arrive late for inputs already left behind thrown away.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.js';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, inputs: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(controller.signal).then(
      (data) => ticket === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (ticket !== latest.current || controller.signal.aborted) return;
        const failure = error instanceof ApiError ? error : new ApiError(error instanceof Error ? error.message : String(error), 0, null);
        setState((s) => ({ data: s.data, error: failure, loading: false }));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...inputs, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}
