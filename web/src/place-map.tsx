// A map drawn entirely from what ships with Vigil: country outlines from Natural Earth (the world-atlas package,
// served by Vigil as a file) and a circle per place, sized by how many documents mention it. No tile server is ever
// asked for anything, so the map works on a network that reaches nothing outside.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { PlaceCount } from './api.js';

let countries: Promise<GeoJSON.FeatureCollection> | null = null;
function countryShapes(): Promise<GeoJSON.FeatureCollection> {
  countries ??= fetch(countriesUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`the country outlines could not be loaded (${response.status})`);
      return response.json() as Promise<Topology<{ countries: GeometryCollection }>>;
    })
    .then((topology) => feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection);
  return countries;
}

/** Radius in pixels: area grows with the count, so twice the documents look twice as big, not four times. */
export function markerRadius(documents: number, most: number): number {
  return 4 + 22 * Math.sqrt(documents / Math.max(1, most));
}

export function PlaceMap({ places, height = 480, onSelect, label }: {
  places: PlaceCount[];
  height?: number;
  onSelect?: (place: PlaceCount) => void;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    const m = L.map(box.current!, { worldCopyJump: true, attributionControl: true, zoomSnap: 0.5, minZoom: 2, maxZoom: 10 });
    m.attributionControl.setPrefix(false).addAttribution('Outlines: Natural Earth');
    m.setView([33, 40], 5);
    map.current = m;
    markers.current = L.layerGroup().addTo(m);
    let gone = false;
    // The box may get its final size only after the page lays out (a grid column, a late scrollbar): tell Leaflet,
    // or it draws for the old size and leaves a blank strip.
    const resized = new ResizeObserver(() => m.invalidateSize());
    resized.observe(box.current!);
    countryShapes().then(
      (shapes) => {
        if (gone) return;
        L.geoJSON(shapes, { style: { color: '#8a94a3', weight: 0.8, fillColor: '#eef0f3', fillOpacity: 1 }, interactive: false }).addTo(m).bringToBack();
      },
      (error: Error) => box.current?.setAttribute('data-problem', error.message),
    );
    return () => {
      gone = true;
      resized.disconnect();
      m.remove();
    };
  }, []);

  useEffect(() => {
    const [m, group] = [map.current, markers.current];
    if (!m || !group) return;
    group.clearLayers();
    const most = Math.max(1, ...places.map((p) => p.documents));
    for (const place of places) {
      const marker = L.circleMarker([place.lat, place.lon], {
        radius: markerRadius(place.documents, most),
        color: '#7a1f1f',
        weight: 1,
        fillColor: '#c0392b',
        fillOpacity: 0.55,
        className: 'place-marker',
      });
      marker.bindTooltip(`${place.name}: ${place.documents} document${place.documents === 1 ? '' : 's'}`);
      if (onSelect) marker.on('click', () => onSelect(place));
      marker.addTo(group);
      marker.getElement()?.setAttribute('data-place', place.name);
    }
    if (places.length > 0) m.fitBounds(L.latLngBounds(places.map((p) => [p.lat, p.lon] as [number, number])).pad(0.3), { maxZoom: 7 });
  }, [places]);

  return <div ref={box} class="place-map" role="img" aria-label={label} style={{ height: `${height}px` }} />;
}
