// Caravan web app: the network on a Leaflet map over Natural Earth borders (world-atlas, no tiles),
// and a route planner that asks POST /api/routes and draws the answer.
import L from 'leaflet';
import './app.css';
import { baseMap } from './basemap.js';
import { renderCo2eChart, co2eBars } from './co2e-chart.js';
import { authFetch } from './auth.js';
import { $, escapeHtml, showProblem } from './page.js';

const MODE_COLOURS = { rail: '#b03a2e', road: '#d68910', ferry: '#148f77', sea: '#2e86c1', iww: '#7d3c98' };
const ROUTE_COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000'];
const MODES = Object.keys(MODE_COLOURS);

const state = { answer: null, routesGeo: null, sort: { key: 'rank', dir: 1 }, selected: -1, networkFeatures: 0 };

// ---- map -------------------------------------------------------------------------------------------------
const map = baseMap('map', [[5, -10], [62, 130]]);

const networkLayer = L.layerGroup().addTo(map);
const routeLayer = L.layerGroup().addTo(map);

async function loadNetwork() {
  const res = await fetch('/api/network');
  const fc = await res.json();
  const links = fc.features.filter((f) => f.properties.feature === 'link');
  const nodes = fc.features.filter((f) => f.properties.feature === 'node');
  L.geoJSON({ type: 'FeatureCollection', features: links }, {
    style: (f) => ({ color: MODE_COLOURS[f.properties.mode] || '#555', weight: f.properties.mode === 'sea' ? 1.2 : 1.8,
      opacity: 0.75, dashArray: f.properties.mode === 'sea' || f.properties.mode === 'ferry' ? '4 4' : null }),
    onEachFeature: (f, layer) => layer.bindTooltip(`${f.properties.mode}: ${f.properties.from} – ${f.properties.to}, ${Math.round(f.properties.distance_km)} km`),
  }).addTo(networkLayer);
  L.geoJSON({ type: 'FeatureCollection', features: nodes }, {
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: f.properties.kind === 'border' ? 2.5 : 3.5,
      color: '#333', weight: 1, fillColor: f.properties.kind === 'port' ? '#2e86c1' : '#fff', fillOpacity: 1 }),
    onEachFeature: (f, layer) => layer.bindTooltip(`${f.properties.name} (${f.properties.id}, ${f.properties.kind})`),
  }).addTo(networkLayer);
  state.networkFeatures = fc.features.length;
  document.body.dataset.network = 'ready';
}

const legend = L.control({ position: 'bottomleft' });
legend.onAdd = () => {
  const div = L.DomUtil.create('div', 'legend');
  div.innerHTML = MODES.map((m) => `<span><i style="background:${MODE_COLOURS[m]}"></i>${m}</span>`).join('');
  return div;
};
legend.addTo(map);

// ---- planner form ----------------------------------------------------------------------------------------
function checkboxes(containerId, names, checked) {
  const box = $(containerId);
  for (const n of names) {
    const l = document.createElement('label');
    l.className = 'check';
    l.innerHTML = `<input type="checkbox" value="${n}" ${checked ? 'checked' : ''}> ${n}`;
    box.appendChild(l);
  }
}
// The choices come from the OpenAPI document, whose enums a server test holds to the engine's (one list each).
fetch('/openapi.json').then((res) => res.json()).then((doc) => {
  const props = doc.components.schemas.RouteRequest.properties;
  checkboxes('passages', props.avoid_passages.items.enum, false);
  checkboxes('modes', props.modes.items.enum, true);
});
$('cargo').addEventListener('change', () => { $('un-class-label').hidden = $('cargo').value !== 'dg'; });

function autocomplete(input, list) {
  let timer = 0;
  let active = -1;
  const close = () => { list.innerHTML = ''; list.classList.remove('open'); active = -1; };
  const choose = (li) => {
    input.value = li.dataset.name;
    input.dataset.id = li.dataset.id;
    input.dataset.label = li.dataset.name;
    close();
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { close(); return; }
    timer = setTimeout(async () => {
      const res = await fetch(`/api/places?q=${encodeURIComponent(q)}&limit=8`);
      if (!res.ok) { close(); return; }
      const places = await res.json();
      list.innerHTML = '';
      for (const p of places) {
        const li = document.createElement('li');
        li.dataset.id = p.id;
        li.dataset.name = p.name;
        li.innerHTML = `<b>${escapeHtml(p.name)}</b> <small>${p.id} · ${p.country} · ${p.kind}</small>`;
        li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(li); });
        list.appendChild(li);
      }
      list.classList.toggle('open', places.length > 0);
    }, 120);
  });
  input.addEventListener('keydown', (e) => {
    const items = [...list.children];
    if (!items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach((li, i) => li.classList.toggle('active', i === active));
      e.preventDefault();
    } else if (e.key === 'Enter' && active >= 0) {
      choose(items[active]);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
autocomplete($('from'), $('from-suggest'));
autocomplete($('to'), $('to-suggest'));

function placeValue(input) {
  const v = input.value.trim();
  return input.dataset.id && input.dataset.label === v ? input.dataset.id : v;
}
function numberField(id) {
  const v = $(id).value;
  return v === '' ? undefined : Number(v);
}
function checked(id) {
  return [...$(id).querySelectorAll('input:checked')].map((c) => c.value);
}

function requestBody() {
  const body = { from: placeValue($('from')), to: placeValue($('to')), cargo: $('cargo').value, objective: $('objective').value };
  const amount = numberField('amount');
  if (amount !== undefined) body[$('unit').value] = amount;
  if (body.cargo === 'dg') body.un_class = numberField('un-class');
  if ($('depart').value) body.depart = $('depart').value;
  const avoid = $('avoid-countries').value.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (avoid.length) body.avoid_countries = avoid;
  if ($('corridor').value) body.corridor = $('corridor').value;
  const via = $('via').value.split(/[,;]+/).map((s) => s.trim()).filter(Boolean);
  if (via.length) body.via = via;
  const passages = checked('passages');
  if (passages.length) body.avoid_passages = passages;
  const modes = checked('modes');
  if (modes.length < document.querySelectorAll('#modes input').length) body.modes = modes;
  for (const [id, key] of [['max-transshipments', 'max_transshipments'], ['max-days', 'max_days'], ['max-budget', 'max_budget_usd']]) {
    const v = numberField(id);
    if (v !== undefined) body[key] = v;
  }
  if (body.objective !== 'pareto') body.alternatives = numberField('alternatives') || 1;
  return body;
}

async function post(url, body) {
  const res = await authFetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw json;
  return json;
}

$('planner').addEventListener('submit', async (e) => {
  e.preventDefault();
  const body = requestBody();
  $('status').className = '';
  $('status').textContent = 'Planning…';
  $('plan').disabled = true;
  const started = performance.now();
  try {
    const [answer, geo] = await Promise.all([post('/api/routes', body), post('/api/routes?format=geojson', body)]);
    state.answer = answer;
    state.routesGeo = geo;
    state.selected = -1;
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    $('status').textContent = `${answer.routes.length} route${answer.routes.length === 1 ? '' : 's'} ${answer.from} → ${answer.to}`
      + ` (${answer.objective === 'pareto' ? 'Pareto set' : `best by ${answer.objective}`}${answer.label_cap_hit ? ', label cap reached' : ''}) in ${secs} s`;
    drawRoutes();
    renderTable();
    renderCo2eChart($('co2e-chart'), answer.routes);
    $('legs').hidden = true;
  } catch (p) {
    showProblem(p.title ? p : { title: 'Request failed', detail: String(p) });
  } finally {
    $('plan').disabled = false;
  }
});

// ---- routes on the map and in the table ------------------------------------------------------------------
function colour(rank) { return ROUTE_COLOURS[(rank - 1) % ROUTE_COLOURS.length]; }

function drawRoutes() {
  routeLayer.clearLayers();
  const bounds = L.latLngBounds([]);
  // The selected route is drawn last so it lies on top of the others.
  const features = [...state.routesGeo.features].sort((a, b) =>
    (a.properties.rank === state.selected) - (b.properties.rank === state.selected));
  features.forEach((f, i) => {
    const rank = f.properties.rank || i + 1;
    const selected = state.selected === rank;
    const line = L.geoJSON(f, { style: { color: colour(rank), weight: selected ? 7 : 4, opacity: state.selected < 0 || selected ? 0.9 : 0.35 } });
    line.on('click', () => selectRoute(rank));
    line.bindTooltip(`#${rank} ${f.properties.corridor}: ${f.properties.transit_days} d, ${Math.round(f.properties.cost_usd)} USD`);
    line.addTo(routeLayer);
    bounds.extend(line.getBounds());
  });
  if (bounds.isValid() && state.selected < 0) map.fitBounds(bounds, { padding: [20, 20] });
}

function sortValue(r, key) {
  if (key === 'p95') return r.reliability.p95_delay_h;
  if (key === 'countries') return r.countries.join(' ');
  return r[key];
}

function renderTable() {
  const table = $('routes');
  const { key, dir } = state.sort;
  const rows = [...state.answer.routes].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    return (x < y ? -1 : x > y ? 1 : 0) * dir;
  });
  table.tBodies[0].innerHTML = rows.map((r) => `<tr data-rank="${r.rank}" class="${r.rank === state.selected ? 'selected' : ''}">
    <td><i class="swatch" style="background:${colour(r.rank)}"></i>${r.rank}</td><td>${escapeHtml(r.corridor)}</td>
    <td>${r.transit_days.toFixed(1)}</td><td>${Math.round(r.cost_usd).toLocaleString('en')}</td>
    <td title="well-to-wheel; range from the factors; ${r.co2e_g_per_tkm.toFixed(1)} g/tkm">${kg(r.co2e_kg)}
      <small>${kg(r.co2e_range_kg[0])}–${kg(r.co2e_range_kg[1])}</small></td><td>${r.reliability.p95_delay_h.toFixed(1)}</td>
    <td>${Math.round(r.distance_km).toLocaleString('en')}</td><td>${r.transshipments}</td><td>${r.countries.join(' ')}</td></tr>`).join('');
  for (const th of table.tHead.rows[0].cells) {
    th.classList.toggle('asc', th.dataset.key === key && dir > 0);
    th.classList.toggle('desc', th.dataset.key === key && dir < 0);
  }
  table.hidden = false;
}

$('routes').tHead.addEventListener('click', (e) => {
  const key = e.target.closest('th')?.dataset.key;
  if (!key || !state.answer) return;
  state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
  renderTable();
});
$('routes').tBodies[0].addEventListener('click', (e) => {
  const tr = e.target.closest('tr');
  if (tr) selectRoute(Number(tr.dataset.rank));
});

function selectRoute(rank) {
  state.selected = rank;
  drawRoutes();
  renderTable();
  const r = state.answer.routes.find((x) => x.rank === rank);
  const legs = $('legs');
  legs.innerHTML = `<h3>Route ${rank}: ${escapeHtml(r.corridor)} — ${r.transit_days.toFixed(1)} days, ${Math.round(r.cost_usd).toLocaleString('en')} USD,
    ${r.transshipments} transshipments${r.passages.length ? `, via ${r.passages.join(', ')}` : ''}</h3>
    <p class="co2e">CO2e ${kg(r.co2e_kg)} kg WTW (${kg(r.co2e_range_kg[0])}–${kg(r.co2e_range_kg[1])}):
      WTT ${kg(r.co2e_wtt_kg)} + TTW ${kg(r.co2e_ttw_kg)}, ${r.co2e_g_per_tkm.toFixed(1)} g/tkm</p>
    <table class="legs"><thead><tr><th>Mode</th><th>From</th><th>To</th><th>km</th><th>running h</th><th>wait h</th><th>transfer h</th><th>stops h</th><th>Depart</th><th>Arrive</th><th>USD</th><th>Countries</th>
      <th>CO2e kg</th><th>WTT</th><th>TTW</th><th>range</th><th>g/tkm</th><th>factor</th></tr></thead><tbody>
    ${r.legs.map((l) => `<tr><td><i class="swatch" style="background:${MODE_COLOURS[l.mode] || '#555'}"></i>${l.mode}</td>
      <td>${escapeHtml(l.from_name)}</td><td>${escapeHtml(l.to_name)}</td><td>${Math.round(l.distance_km).toLocaleString('en')}</td>
      <td>${l.duration_h.toFixed(1)}</td><td>${l.wait_h.toFixed(1)}</td><td>${l.transfer_h.toFixed(1)}</td><td title="borders and other stops${l.held_h > 0 ? `; ${l.held_h.toFixed(1)} h held by a border episode` : ''}${l.marshal_h > 0 ? `; ${l.marshal_h.toFixed(1)} h wagon-group marshalling` : ''}">${(l.dwell_h + (l.marshal_h || 0)).toFixed(1)}</td><td>${l.depart.slice(0, 16).replace('T', ' ')}</td>
      <td>${l.arrive.slice(0, 16).replace('T', ' ')}</td><td>${Math.round(l.cost_usd).toLocaleString('en')}</td><td>${l.countries.join(' ')}</td>
      <td>${kg(l.co2e_kg)}</td><td>${kg(l.co2e_wtt_kg)}</td><td>${kg(l.co2e_ttw_kg)}</td>
      <td>${kg(l.co2e_range_kg[0])}–${kg(l.co2e_range_kg[1])}</td><td>${l.co2e_g_per_tkm.toFixed(1)}</td><td>${escapeHtml(l.toc)}</td></tr>`).join('')}
    </tbody></table>
    <table class="hubs"><thead><tr><th>Hub</th><th>Role</th><th>Category</th><th>CO2e kg</th><th>WTT</th><th>TTW</th><th>range</th></tr></thead><tbody>
    ${r.hubs.map((h) => `<tr><td>${escapeHtml(h.name)}</td><td>${h.role}</td><td>${escapeHtml(h.hoc)}</td><td>${h.co2e_kg.toFixed(1)}</td>
      <td>${h.co2e_wtt_kg.toFixed(1)}</td><td>${h.co2e_ttw_kg.toFixed(1)}</td><td>${h.co2e_range_kg[0]}–${h.co2e_range_kg[1]}</td></tr>`).join('')}
    </tbody></table>${r.borders.length ? `<p>Borders and gauge points: ${r.borders.map(escapeHtml).join(', ')}</p>` : ''}
    ${heldH(r) > 0 ? `<p class="episodes">Held ${heldH(r).toFixed(1)} h at dated border episodes: ${(state.answer.prices.episodes || [])
      .map((e) => `${escapeHtml(e.name)} (${escapeHtml(e.id)}, ${e.valid_from}..${e.valid_to}, ${escapeHtml(e.source)})`).join('; ')}</p>` : ''}
    <p class="waits">Waits at borders, train formation and Caspian sailings: as the calibrated simulation measured them in
      ${escapeHtml(state.answer.prices.waits_season || '')} (data/validation/waits.csv).</p>
    ${publishedTable(state.answer.published || [])}`;
  legs.hidden = false;
}

// Published figures for the answer's two places (data/validation/targets.csv), each with its kind,
// so a route can be set against what operators, forwarders and studies report.
function publishedTable(figures) {
  if (!figures.length) return '';
  const kind = (f) => [f.kind, f.block_train ? 'one block train' : '', f.departed ? `left ${f.departed}` : '',
    f.model_input ? 'a model input' : ''].filter(Boolean).join(', ');
  return `<table class="published"><caption>Published figures for these places (compared with the model in docs/VALIDATION.md)</caption>
    <thead><tr><th>Id</th><th>Corridor</th><th>Quantity</th><th>Published</th><th>Kind</th><th>Source</th><th>Year</th></tr></thead><tbody>
    ${figures.map((f) => `<tr><td>${escapeHtml(f.id)}</td><td>${escapeHtml(f.corridor)}${f.via.length ? ` via ${f.via.map(escapeHtml).join(', ')}` : ''}</td>
      <td>${escapeHtml(f.quantity)}</td><td>${f.low}–${f.high} ${escapeHtml(f.unit)}</td><td>${escapeHtml(kind(f))}</td>
      <td>${escapeHtml(f.source)}</td><td>${escapeHtml(f.year)}</td></tr>`).join('')}
    </tbody></table>`;
}

function kg(v) { return Math.round(v).toLocaleString('en'); }

// Hours a route's legs were held by dated border episodes (data/network/episodes.csv).
function heldH(r) { return r.legs.reduce((sum, l) => sum + (l.held_h || 0), 0); }

// Hooks for the end-to-end test: how much is drawn.
window.caravan = {
  networkFeatureCount: () => state.networkFeatures,
  networkLayerCount: () => { let n = 0; networkLayer.eachLayer((g) => g.eachLayer(() => { n++; })); return n; },
  routeCount: () => routeLayer.getLayers().length,
  selectedRoute: () => state.selected,
  co2eBars: () => co2eBars,
  publishedRows: () => document.querySelectorAll('table.published tbody tr').length,
};

loadNetwork().catch((e) => showProblem({ title: 'Network not loaded', detail: String(e) }));
