// The base map of every Caravan map page: Leaflet over Natural Earth borders (world-atlas, no tiles).
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import countries50m from 'world-atlas/countries-50m.json';

// Rings that cross the antimeridian (Russia's Chukotka, Fiji) are shifted east so Leaflet does not draw bands
// across the whole map; Antarctica is left out.
function unwrapRing(ring) {
  let crosses = false;
  for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) crosses = true;
  return crosses ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring;
}
function unwrap(geometry) {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map(unwrapRing)) };
  }
  return geometry;
}

/** A Leaflet map in the element with this id, fitted to bounds, with the country borders drawn. */
export function baseMap(elementId, bounds) {
  const map = L.map(elementId, { preferCanvas: true, worldCopyJump: false, minZoom: 2, maxZoom: 10 }).fitBounds(bounds);
  map.attributionControl.addAttribution('Borders: Natural Earth via world-atlas');
  const borders = feature(countries50m, countries50m.objects.countries);
  borders.features = borders.features.filter((f) => f.id !== '010').map((f) => ({ ...f, geometry: unwrap(f.geometry) }));
  L.geoJSON(borders, { style: { color: '#999', weight: 0.6, fillColor: '#f3efe6', fillOpacity: 1 }, interactive: false }).addTo(map);
  return map;
}
