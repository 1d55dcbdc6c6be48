// Screens with heavy libraries (the graph, the map) are loaded when first opened, so the search screen — the one
// analysts open first — does not wait for them.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Placeholder, Problem } from './ui.js';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, label: string): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<Error | null>(null);
    useEffect(() => {
      if (component) return;
      load().then((c) => { loaded = c; setComponent(() => c); }, (e: Error) => setError(e));
    }, []);
    if (error) return <Problem error={error} what={`The ${label} could not be loaded; reload the page`} />;
    const Component = component;
    return Component ? <Component {...props} /> : <Placeholder rows={8} label={`Loading the ${label}`} />;
  };
}
