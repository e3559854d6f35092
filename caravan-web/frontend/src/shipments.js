// Caravan shipments page: GET /api/shipments for the list (position, legs, ETA band), positions on a Leaflet
// map over Natural Earth borders, and GET /api/shipments/{id} for one shipment's route, legs and event timeline.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './app.css';
import './shipments.css';
import { feature } from 'topojson-client';
import countries50m from 'world-atlas/countries-50m.json';
import { $, escapeHtml } from './page.js';

const STATUS_COLOURS = { in_transit: '#4363d8', delivered: '#3cb44b', planned: '#999' };
const DAY = 86400000;

const day = (iso) => (iso ? iso.slice(0, 10) : '–');
const when = (iso) => (iso ? iso.replace('T', ' ').replace(':00Z', '') : '–');

const map = L.map('map', { preferCanvas: true, minZoom: 2, maxZoom: 10 }).fitBounds([[25, 25], [55, 115]]);
map.attributionControl.addAttribution('Borders: Natural Earth via world-atlas');
const borders = feature(countries50m, countries50m.objects.countries);
borders.features = borders.features.filter((f) => f.id !== '010');
L.geoJSON(borders, { style: { color: '#999', weight: 0.6, fillColor: '#f3efe6', fillOpacity: 1 }, interactive: false }).addTo(map);
const markers = L.layerGroup().addTo(map);
const routeLayer = L.layerGroup().addTo(map);

function band(s, lo, hi) {
  const e = s.eta;
  if (!e) return '';
  const x = (iso) => `${Math.max(0, Math.min(100, ((Date.parse(iso) - lo) / (hi - lo)) * 100)).toFixed(1)}%`;
  const left = x(e.p10);
  const width = `${Math.max(0.5, parseFloat(x(e.p90)) - parseFloat(left)).toFixed(1)}%`;
  return `<div class="band" title="p10 ${day(e.p10)} · p50 ${day(e.p50)} · p90 ${day(e.p90)} · timetable ${day(e.timetable)}">`
    + `<span class="tt" style="left:${x(e.timetable)}"></span><span class="range" style="left:${left};width:${width}"></span>`
    + `<span class="p50" style="left:${x(e.p50)}"></span></div>`;
}

async function load() {
  const res = await fetch('/api/shipments');
  const list = await res.json();
  if (!res.ok) {
    $('status').textContent = `${list.title}: ${list.detail}`;
    return;
  }
  const times = list.flatMap((s) => (s.eta ? [Date.parse(s.eta.p10), Date.parse(s.eta.p90), Date.parse(s.eta.timetable)] : []));
  const lo = Math.min(...times) - DAY;
  const hi = Math.max(...times) + DAY;
  const asOf = list.find((s) => s.eta)?.eta.as_of;
  $('as-of').textContent = asOf ? `as of ${when(asOf)} UTC` : '';
  const tbody = $('shipments').querySelector('tbody');
  tbody.innerHTML = '';
  markers.clearLayers();
  for (const s of list) {
    const tr = document.createElement('tr');
    tr.dataset.id = s.shipment_id;
    tr.innerHTML = `<td>${escapeHtml(s.shipment_id)}</td><td>${escapeHtml(s.containers[0])}</td><td>${escapeHtml(s.destination || '?')}</td>`
      + `<td class="status-${escapeHtml(s.status)}">${escapeHtml(s.status.replace('_', ' '))}</td>`
      + `<td>${escapeHtml(s.position.event_type)} ${escapeHtml(s.position.name)}</td><td>${s.legs_done}/${s.legs_total}</td>`
      + `<td>${s.eta ? day(s.eta.p50) : '–'}</td><td>${band(s, lo, hi)}</td>`;
    tr.addEventListener('click', () => show(s.shipment_id));
    tbody.appendChild(tr);
    if (s.position.lat !== null) {
      L.circleMarker([s.position.lat, s.position.lon], { radius: 6, color: '#222', weight: 1,
        fillColor: STATUS_COLOURS[s.status] || '#999', fillOpacity: 0.85 })
        .bindTooltip(`${escapeHtml(s.shipment_id)}: ${escapeHtml(s.position.event_type)} ${escapeHtml(s.position.name)}`
          + (s.eta ? `, p50 ${day(s.eta.p50)}` : ''))
        .on('click', () => show(s.shipment_id))
        .addTo(markers);
    }
  }
  $('status').textContent = `${list.length} shipments`;
  document.body.dataset.shipments = String(list.length);
}

async function show(id) {
  const res = await fetch(`/api/shipments/${encodeURIComponent(id)}`);
  const d = await res.json();
  if (!res.ok) {
    $('status').textContent = `${d.title}: ${d.detail}`;
    return;
  }
  for (const tr of $('shipments').querySelectorAll('tbody tr')) tr.classList.toggle('selected', tr.dataset.id === id);
  $('detail').hidden = false;
  const e = d.eta;
  $('detail-title').textContent = `${d.shipment_id} → ${d.destination || '?'}: `
    + (e ? `p10 ${when(e.p10)} · p50 ${when(e.p50)} · p90 ${when(e.p90)} (timetable ${when(e.timetable)})` : 'no ETA');
  $('legs').innerHTML = d.legs.map((l) => `<li class="${l.state}">${escapeHtml(l.from)} → ${escapeHtml(l.to)} (${escapeHtml(l.mode)}), ${l.state}</li>`).join('');
  $('timeline').querySelector('tbody').innerHTML = d.timeline.map((t) => `<tr><td>${when(t.time)}</td>`
    + `<td>${escapeHtml(t.event_type)} ${t.classifier === 'ACT' ? '' : escapeHtml(t.classifier)}</td><td>${escapeHtml(t.location)}</td>`
    + `<td>${escapeHtml(t.mode || '')}</td><td>${escapeHtml(t.event_id)}</td></tr>`).join('');
  routeLayer.clearLayers();
  if (d.geometry.length > 1) {
    const line = L.polyline(d.geometry.map(([lon, lat]) => [lat, lon]), { color: '#e6194b', weight: 3, opacity: 0.8 }).addTo(routeLayer);
    map.fitBounds(line.getBounds(), { padding: [30, 30] });
  }
  document.body.dataset.detail = id;
}

load().catch((err) => { $('status').textContent = `could not load shipments: ${err}`; });
