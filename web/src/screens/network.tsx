// Network: the entities around one or more seeds, linked when documents mention them together (thicker for more
// documents). Expand a node to bring in its own company; find the shortest chain between two entities; export a
// picture. The table beside the graph lists the same nodes for keyboards and screen readers.
import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, type Entity, type Me, type Network, type NetworkEdge } from '../api.js';
import { useLoad } from '../load.js';
import { href, listParam, navigate, type Route } from '../route.js';
import { count, Empty, Name, Placeholder, Problem, TypeBadge, typeLabel } from '../ui.js';
import { EntityPicker } from './entity-picker.js';

const graphTypes = ['PERSON', 'ORG', 'LOCATION', 'PHONE', 'EMAIL', 'PASSPORT', 'MONEY'] as const;
const colours: Record<string, string> = { PERSON: '#1f5fa8', ORG: '#8e44ad', LOCATION: '#1e8449', PHONE: '#b9770e', EMAIL: '#7f8c8d', PASSPORT: '#c0392b', MONEY: '#117a65' };

interface PathAnswer { path: { id: string; name: string; type: string }[] | null; edges: NetworkEdge[] }

export function NetworkScreen({ route }: { route: Route; me: Me }) {
  const { params } = route;
  const seeds = listParam(params, 'entities');
  const types = listParam(params, 'types');
  const key = params.toString();
  const set = (change: Record<string, string | string[] | null>) => navigate(href('network', null, { ...Object.fromEntries(params), ...change }));
  const network = useLoad(
    (signal) => (seeds.length === 0 ? Promise.resolve<Network>({ nodes: [], edges: [] }) : get<Network>('/api/network', { entities: seeds, types, from: params.get('from'), to: params.get('to'), minWeight: params.get('minWeight'), limit: Number(params.get('limit') ?? 25) }, signal)),
    [key],
  );
  const [path, setPath] = useState<PathAnswer | null>(null);
  const [pathEnds, setPathEnds] = useState<{ from: Entity | null; to: Entity | null }>({ from: null, to: null });
  const [pathError, setPathError] = useState<Error | null>(null);
  const graph = useRef<cytoscape.Core | null>(null);

  const findPath = async () => {
    if (!pathEnds.from || !pathEnds.to) return;
    setPathError(null);
    try {
      const answer = await get<PathAnswer>('/api/network/path', { from: pathEnds.from.id, to: pathEnds.to.id, maxDepth: 4 });
      setPath(answer);
      // The chain's entities join the graph, so the path can be seen in its company.
      if (answer.path) set({ entities: [...new Set([...seeds, ...answer.path.map((p) => p.id)])] });
    } catch (failure) {
      setPathError(failure as Error);
    }
  };
  const exportPng = () => {
    const png = graph.current?.png({ full: true, scale: 2, bg: '#ffffff' });
    if (!png) return;
    const link = document.createElement('a');
    link.href = png;
    link.download = `vigil-network-${new Date().toISOString().slice(0, 10)}.png`;
    link.click();
  };
  const data = network.data;
  const periodForm = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    set({ from: String(form.get('from') ?? '') || null, to: String(form.get('to') ?? '') || null, minWeight: String(form.get('minWeight') ?? '') || null });
  };

  return (
    <div class="network-screen">
      <header class="screen-head">
        <h1>Network</h1>
        <div class="network-controls">
          <EntityPicker label="Add an entity" onPick={(e) => set({ entities: [...new Set([...seeds, e.id])] })} />
          <fieldset class="type-filter">
            <legend>Show</legend>
            {graphTypes.map((t) => (
              <label key={t} class="check">
                <input type="checkbox" checked={types.length === 0 || types.includes(t)} onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  const current = types.length === 0 ? [...graphTypes] : types;
                  const next = on ? [...new Set([...current, t])] : current.filter((x) => x !== t);
                  set({ types: next.length === graphTypes.length ? null : next });
                }} /> {typeLabel(t)}
              </label>
            ))}
          </fieldset>
          <form class="date-range" onSubmit={periodForm} key={key}>
            <label>From <input name="from" defaultValue={params.get('from') ?? ''} size={10} placeholder="2016-01" pattern="\d{4}(-\d{2}(-\d{2})?)?" /></label>
            <label>to <input name="to" defaultValue={params.get('to') ?? ''} size={10} placeholder="2017-12" pattern="\d{4}(-\d{2}(-\d{2})?)?" /></label>
            <label>at least <input name="minWeight" type="number" min={1} defaultValue={params.get('minWeight') ?? '1'} style={{ width: '4em' }} /> shared documents</label>
            <button type="submit" class="quiet">Apply</button>
          </form>
        </div>
      </header>
      <Problem error={network.error} what="The network could not be loaded" />
      {seeds.length === 0 ? (
        <Empty><p>Start from an entity: type a name above, or open a person or organisation and choose “Show the network”.</p></Empty>
      ) : (
        <div class="network-body">
          <div class="graph-column">
            {data ? <Graph network={data} onReady={(cy) => (graph.current = cy)} onExpand={(id) => set({ entities: [...new Set([...seeds, id])] })} highlight={path?.path?.map((p) => p.id) ?? []} /> : <Placeholder rows={12} label="Drawing the network" />}
            <ul class="legend" aria-label="Colours">{graphTypes.map((t) => <li key={t}><span class="swatch" style={{ background: colours[t] }} /> {typeLabel(t)}</li>)}</ul>
            <p class="hint">Drag to move, scroll to zoom; double-click a node to expand it. Thicker links: more documents shared. <button type="button" class="quiet" onClick={exportPng} disabled={!data}>Export PNG</button></p>
          </div>
          <aside>
            <section aria-labelledby="path-head" class="path-finder">
              <h2 id="path-head">Find a path</h2>
              <EntityPicker label="From" onPick={(e) => setPathEnds((p) => ({ ...p, from: e }))} />
              {pathEnds.from ? <p class="hint">from <Name>{pathEnds.from.name}</Name></p> : null}
              <EntityPicker label="To" onPick={(e) => setPathEnds((p) => ({ ...p, to: e }))} />
              {pathEnds.to ? <p class="hint">to <Name>{pathEnds.to.name}</Name></p> : null}
              <button type="button" disabled={!pathEnds.from || !pathEnds.to} onClick={findPath}>Find the shortest path</button>
              <Problem error={pathError} />
              {path ? (
                path.path ? (
                  <div role="status"><ol class="path">{path.path.map((p) => <li key={p.id}><a href={href('entity', p.id)}><Name>{p.name}</Name></a></li>)}</ol></div>
                ) : <p role="status">No chain of four links or fewer joins them in the documents you can see.</p>
              ) : null}
            </section>
            {data ? (
              <section aria-labelledby="nodes-head">
                <h2 id="nodes-head">{count(data.nodes.length)} entities, {count(data.edges.length)} links</h2>
                <table class="node-table">
                  <thead><tr><th scope="col">Entity</th><th scope="col">Documents</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
                  <tbody>
                    {[...data.nodes].sort((a, b) => Number(b.seed) - Number(a.seed) || b.documents - a.documents).map((n) => (
                      <tr key={n.id} data-node={n.name}>
                        <td><a href={href('entity', n.id)}><Name>{n.name}</Name></a> <TypeBadge type={n.type} />{n.seed ? <span class="hint"> (start)</span> : null}</td>
                        <td class="num">{count(n.documents)}</td>
                        <td>
                          {n.seed ? (
                            seeds.length > 1 ? <button type="button" class="quiet" onClick={() => set({ entities: seeds.filter((s) => s !== n.id) })}>Remove</button> : null
                          ) : <button type="button" class="quiet" onClick={() => set({ entities: [...seeds, n.id] })}>Expand</button>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : null}
          </aside>
        </div>
      )}
    </div>
  );
}

function Graph({ network, onReady, onExpand, highlight }: { network: Network; onReady: (cy: cytoscape.Core) => void; onExpand: (id: string) => void; highlight: string[] }) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  useEffect(() => {
    const most = Math.max(1, ...network.edges.map((e) => e.weight));
    const biggest = Math.max(1, ...network.nodes.map((n) => n.documents));
    const seedIds = new Set(network.nodes.filter((n) => n.seed).map((n) => n.id));
    const seeds = seedIds.size;
    // A neighbour's weight: the documents it shares with the seeds, which places it in the rings.
    const weightToSeeds = new Map<string, number>();
    for (const e of network.edges) {
      if (seedIds.has(e.source)) weightToSeeds.set(e.target, (weightToSeeds.get(e.target) ?? 0) + e.weight);
      if (seedIds.has(e.target)) weightToSeeds.set(e.source, (weightToSeeds.get(e.source) ?? 0) + e.weight);
    }
    const instance = cytoscape({
      container: box.current!,
      elements: [
        ...network.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type, size: 16 + 28 * Math.sqrt(n.documents / biggest), seed: n.seed ? 1 : 0, weight: weightToSeeds.get(n.id) ?? 0 } })),
        // Links to a seed are drawn strong; links among the company fade with fewer shared documents, so the
        // structure shows through rather than a hairball.
        ...network.edges.map((e) => {
          const toSeed = seedIds.has(e.source) || seedIds.has(e.target);
          return { data: { id: `${e.source}|${e.target}|${e.kind}`, source: e.source, target: e.target, weight: e.weight, width: 0.5 + 6 * (e.weight / most), opacity: toSeed ? 0.85 : 0.12 + 0.6 * (e.weight / most) } };
        }),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': (n: cytoscape.NodeSingular) => colours[n.data('type') as string] ?? '#555', 'font-size': 10, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#1b1f24', 'text-background-color': '#fff', 'text-background-opacity': 0.75, 'text-background-padding': '1px', 'text-wrap': 'ellipsis', 'text-max-width': '140px' } },
        { selector: 'node[seed = 1]', style: { 'border-width': 3, 'border-color': '#111', 'font-size': 12, 'font-weight': 'bold', 'z-index': 10 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#8795a6', 'curve-style': 'haystack', opacity: (e: cytoscape.EdgeSingular) => e.data('opacity') as number } },
        { selector: '.on-path', style: { 'line-color': '#d35400', 'background-color': '#d35400', opacity: 1 } },
      ],
      // One seed: its company in rings, the closest (most shared documents) innermost. Several: a force layout that
      // pulls each seed's company around it and shows who sits between them.
      layout: seeds === 1
        ? { name: 'concentric', concentric: (n: cytoscape.NodeSingular) => (n.data('seed') ? 1000 : n.data('weight') as number), levelWidth: () => Math.max(1, most / 4), minNodeSpacing: 18, animate: false }
        : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 40_000, idealEdgeLength: () => 120, nodeOverlap: 20, gravity: 0.4 },
      wheelSensitivity: 0.3,
    });
    instance.on('dbltap', 'node', (event) => onExpand(event.target.id() as string));
    instance.on('tap', 'node', (event) => {
      if ((event.originalEvent as MouseEvent | undefined)?.altKey) navigate(href('entity', event.target.id() as string));
    });
    cy.current = instance;
    onReady(instance);
    return () => instance.destroy();
  }, [network]);
  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.elements().removeClass('on-path');
    for (let i = 0; i < highlight.length; i++) {
      instance.getElementById(highlight[i]!).addClass('on-path');
      if (i > 0) instance.edges().filter((e) => (e.source().id() === highlight[i - 1] && e.target().id() === highlight[i]) || (e.target().id() === highlight[i - 1] && e.source().id() === highlight[i])).addClass('on-path');
    }
  }, [highlight, network]);
  return <div ref={box} class="graph" role="img" aria-label={`Graph of ${network.nodes.length} entities and ${network.edges.length} links; the table beside it lists them`} data-nodes={network.nodes.length} />;
}
