// Small pieces every screen uses. Text from the server is always rendered as text (Preact escapes it), and every name
// sits in its own <bdi> so an Arabic name runs right to left without reordering the English around it.
import { cloneElement, type ComponentChildren, type JSX, type VNode } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApiError, EntityType } from './api.js';

/** A name or any text whose direction is its own (Unicode bidi isolation, UAX #9). */
export function Name({ children, class: className }: { children: string; class?: string }) {
  return <bdi class={className}>{children}</bdi>;
}

const typeLabels: Record<EntityType, string> = {
  PERSON: 'person', ORG: 'organisation', LOCATION: 'place', PHONE: 'phone', EMAIL: 'e-mail', PASSPORT: 'passport',
  DATE: 'date', MONEY: 'money', COUNT: 'count', URL: 'web address', COORDINATES: 'coordinates',
};
export const typeLabel = (type: string): string => typeLabels[type as EntityType] ?? type.toLowerCase();

export function TypeBadge({ type }: { type: string }) {
  return <span class={`badge type-${type.toLowerCase()}`}>{typeLabel(type)}</span>;
}

export function Problem({ error, what }: { error: ApiError | Error | null; what?: string }) {
  if (!error) return null;
  return (
    <p class="problem" role="alert">
      {what ? `${what}: ` : ''}
      {error.message}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

/** Shown where results will be, at their size, so nothing jumps when they arrive. */
export function Placeholder({ rows = 5, label = 'Loading…' }: { rows?: number; label?: string }) {
  return (
    <div class="placeholder" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => <div key={i} class="placeholder-row" />)}
    </div>
  );
}

/** A snippet with the matched words marked. */
export function Marked({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: JSX.Element[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    if (start > at) parts.push(<span key={`t${at}`}>{text.slice(at, start)}</span>);
    parts.push(<mark key={`m${start}`}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(<span key={`t${at}`}>{text.slice(at)}</span>);
  return <span dir="auto">{parts}</span>;
}

export const count = (n: number): string => n.toLocaleString('en-GB');
export const when = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

/**
 * A long list drawn a window at a time: only the rows in view (and a few either side) are in the page, so ten
 * thousand rows scroll as smoothly as ten. Rows are of one height.
 */
export function VirtualList<T>({ items, rowHeight, height, render, label }: {
  items: T[];
  rowHeight: number;
  height: number;
  render: (item: T, index: number) => ComponentChildren;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  useEffect(() => setTop(box.current?.scrollTop ?? 0), [items]);
  const first = Math.max(0, Math.floor(top / rowHeight) - 5);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + 5);
  return (
    <div ref={box} class="virtual" role="list" aria-label={label} style={{ height: `${Math.min(height, items.length * rowHeight + 2)}px` }} onScroll={(e) => setTop((e.currentTarget as HTMLDivElement).scrollTop)}>
      <div style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div role="listitem" key={first + i} class="virtual-row" style={{ position: 'absolute', top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px`, left: 0, right: 0 }}>
            {render(item, first + i)}
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * A labelled form field: the label names the control (and only the label: the hint is its description, read after
 * it), for screen readers and for people.
 */
export function Field({ label, hint, children }: { label: string; hint?: string; children: VNode<{ id?: string; 'aria-describedby'?: string }> }) {
  const id = useId();
  const control = cloneElement(children, { id, ...(hint ? { 'aria-describedby': `${id}-hint` } : {}) });
  return (
    <div class="field">
      <label class="field-label" for={id}>{label}</label>
      {control}
      {hint ? <span class="hint" id={`${id}-hint`}>{hint}</span> : null}
    </div>
  );
}
