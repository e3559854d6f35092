// Caravan studies page: runs a shipped or uploaded study (POST /api/study-runs, polled for progress), lists the
// studies in the server's store and draws a comparison (GET /api/studies/{name}/compare): each variant's KPI
// difference with its 95 % interval, the bottleneck shift, the routes each variant moves, and a Leaflet map of
// the links and ports a variant changes. Downloads are the export endpoint's CSV and Parquet. Study runs are
// jobs: they carry the page's bearer token (auth.js); stored studies are read without one.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './app.css';
import './simulation.css';
import './studies.css';
import { authFetch } from './auth.js';

const $ = (id) => document.getElementById(id);
const DEFAULT_KPI = 'transit.middle.p95_days';
const state = { run: null, timer: null, comparison: null, map: null, network: null, highlight: null };

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
function fmt(x, digits = 2) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return Number(x).toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
function status(text, error = false) {
  $('status').className = error ? 'error' : '';
  $('status').textContent = text;
}
function showProblem(p) {
  const fields = (p.errors || []).map((e) => e.field).filter(Boolean);
  status(`${p.title}: ${p.detail}${fields.length ? ` [${fields.join(', ')}]` : ''}`, true);
}
async function getJson(url, fetcher = fetch) {
  const res = await fetcher(url);
  const body = await res.json();
  if (!res.ok) throw body;
  return body;
}

for (const r of document.querySelectorAll('input[name=source]')) {
  r.addEventListener('change', () => {
    $('study-file').disabled = !$('source-upload').checked;
    $('shipped').disabled = $('source-upload').checked;
  });
}

async function loadShipped() {
  for (const s of await getJson('/api/shipped-studies')) {
    const o = document.createElement('option');
    o.value = s.name;
    o.textContent = `${s.name} (${s.variants.length} variants)`;
    o.title = s.description;
    $('shipped').appendChild(o);
  }
}

async function loadStored(select) {
  const list = await getJson('/api/studies');
  $('stored').innerHTML = list.map((s) => `<option value="${escapeHtml(s.study)}">${escapeHtml(s.study)} — ${s.runs_stored}/${s.runs_expected} runs</option>`).join('');
  if (select) $('stored').value = select;
  else if (list.length && !$('stored').value) $('stored').selectedIndex = 0;
  document.body.dataset.stored = String(list.length);
}

async function requestBody() {
  const body = {};
  if ($('source-upload').checked) {
    const file = $('study-file').files[0];
    if (!file) throw { title: 'No file', detail: 'choose a study YAML file to upload' };
    body.study_yaml = await file.text();
  } else {
    body.shipped = $('shipped').value;
  }
  for (const key of ['replications', 'years']) {
    const v = $(key).value;
    if (v !== '') body[key] = Number(v);
  }
  return body;
}

function running(on) {
  $('run').disabled = on;
  $('cancel').hidden = !on;
}

function showRun(run) {
  state.run = run;
  $('progress').hidden = false;
  $('progress').max = Math.max(1, run.progress.total);
  $('progress').value = run.progress.done;
  document.body.dataset.runStatus = run.status;
  const what = `${run.study}: ${run.progress.done} / ${run.progress.total} replications stored`;
  if (run.status === 'done') status(`${what} — done`);
  else if (run.status === 'failed') status(`${run.study}: ${run.error}`, true);
  else status(`${what} (${run.status})`);
}

async function poll() {
  try {
    const run = await getJson(`/api/study-runs/${state.run.id}`, authFetch);
    showRun(run);
    if (run.status === 'queued' || run.status === 'running') {
      state.timer = setTimeout(poll, 500);
      return;
    }
    running(false);
    await loadStored(run.study);
    if (run.status === 'done') await compare(run.study);
  } catch (p) {
    running(false);
    showProblem(p);
  }
}

$('study-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const res = await authFetch('/api/study-runs', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await requestBody()),
    });
    const body = await res.json();
    if (!res.ok) throw body;
    running(true);
    showRun(body);
    state.timer = setTimeout(poll, 300);
  } catch (p) {
    showProblem(p);
  }
});
$('cancel').addEventListener('click', async () => {
  if (state.run) await authFetch(`/api/study-runs/${state.run.id}`, { method: 'DELETE' });
});
$('show').addEventListener('click', () => { if ($('stored').value) compare($('stored').value).catch(showProblem); });

// ---- comparison ------------------------------------------------------------------------------------------
async function compare(name) {
  const c = await getJson(`/api/studies/${encodeURIComponent(name)}/compare`);
  state.comparison = c;
  $('results').hidden = false;
  $('downloads').hidden = false;
  $('csv').href = `/api/studies/${encodeURIComponent(name)}/export?format=csv`;
  $('parquet').href = `/api/studies/${encodeURIComponent(name)}/export?format=parquet`;
  const kpis = c.variants.length ? c.variants[0].kpis.map((k) => k.kpi) : [];
  const keep = kpis.includes($('kpi').value) ? $('kpi').value : (kpis.includes(DEFAULT_KPI) ? DEFAULT_KPI : kpis[0]);
  $('kpi').innerHTML = kpis.map((k) => `<option>${escapeHtml(k)}</option>`).join('');
  if (keep) $('kpi').value = keep;
  $('variant').innerHTML = c.variants.map((v) => `<option>${escapeHtml(v.variant)}</option>`).join('');
  drawForest();
  drawTables();
  await drawMap();
  document.body.dataset.comparison = c.study;
}
$('kpi').addEventListener('change', drawForest);
$('variant').addEventListener('change', () => drawMap());

// A forest plot: one row per variant, the mean difference as a dot and its 95 % interval as a bar; red when the
// interval excludes zero.
function drawForest() {
  const c = state.comparison;
  const kpi = $('kpi').value;
  const rows = c.variants.map((v) => ({ name: v.variant, k: v.kpis.find((k) => k.kpi === kpi) }));
  const ends = [0];
  for (const r of rows) {
    if (r.k && r.k.diff !== null) ends.push(r.k.diff - (r.k.ci95_half_width || 0), r.k.diff + (r.k.ci95_half_width || 0));
  }
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const span = hi - lo || 1;
  const W = 760; const left = 190; const right = 110; const rowH = 24; const H = rows.length * rowH + 30;
  const x = (v) => left + ((v - lo) / span) * (W - left - right);
  let svg = `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="differences of ${escapeHtml(kpi)}">`;
  svg += `<line class="zero" x1="${x(0)}" x2="${x(0)}" y1="4" y2="${H - 22}"/>`;
  rows.forEach((r, i) => {
    const y = 16 + i * rowH;
    svg += `<text x="4" y="${y + 4}">${escapeHtml(r.name)}</text>`;
    if (!r.k || r.k.diff === null) { svg += `<text x="${left}" y="${y + 4}">no value</text>`; return; }
    const h = r.k.ci95_half_width || 0;
    const cls = r.k.significant ? 'ci sig' : 'ci';
    svg += `<line class="${cls}" x1="${x(r.k.diff - h)}" x2="${x(r.k.diff + h)}" y1="${y}" y2="${y}"/>`;
    svg += `<circle class="diff" cx="${x(r.k.diff)}" cy="${y}" r="4" fill="${r.k.significant ? '#b03a2e' : '#2c3e50'}"/>`;
    svg += `<text x="${W - right + 6}" y="${y + 4}">${fmt(r.k.diff)} ± ${r.k.ci95_half_width === null ? '–' : fmt(h)}</text>`;
  });
  svg += `<text x="${left}" y="${H - 4}">${fmt(lo)}</text><text x="${W - right}" y="${H - 4}" text-anchor="end">${fmt(hi)}</text>`;
  const unit = rows.find((r) => r.k) ? rows.find((r) => r.k).k.unit : '';
  svg += `<text x="${(left + W - right) / 2}" y="${H - 4}" text-anchor="middle">${escapeHtml(unit)}</text></svg>`;
  $('forest').innerHTML = svg;
}

function drawTables() {
  const c = state.comparison;
  const b = `<tr><td>baseline</td><td>${escapeHtml(c.baseline_bottleneck)}</td><td>${c.baseline_replications}</td></tr>`;
  $('bottlenecks').tBodies[0].innerHTML = b + c.variants.map((v) => `<tr class="${v.bottleneck !== c.baseline_bottleneck ? 'shift' : ''}">`
    + `<td>${escapeHtml(v.variant)}</td><td>${escapeHtml(v.bottleneck)}</td><td>${v.replications}</td></tr>`).join('');
  $('routes').tBodies[0].innerHTML = c.variants.map((v) => {
    const r = v.routes || {};
    if (!v.routes) return `<tr><td>${escapeHtml(v.variant)}</td><td colspan="5">caravan study compare ${escapeHtml(c.study)}</td></tr>`;
    if (!r.network_changed) return `<tr><td>${escapeHtml(v.variant)}</td><td colspan="5">network unchanged</td></tr>`;
    return `<tr><td>${escapeHtml(v.variant)}</td><td>${r.route_changed} / ${r.pairs}</td><td>${r.corridor_changed}</td>`
      + `<td>${fmt(r.transit_days_diff_mean)}</td><td>${fmt(r.cost_usd_teu_diff_mean, 0)}</td><td>${fmt(r.co2e_kg_teu_diff_mean, 1)}</td></tr>`;
  }).join('');
}

async function drawMap() {
  if (!state.map) {
    state.map = L.map('map', { preferCanvas: true, minZoom: 2, maxZoom: 10 }).fitBounds([[25, 10], [55, 90]]);
    state.network = await getJson('/api/network');
    L.geoJSON({ type: 'FeatureCollection', features: state.network.features.filter((f) => f.properties.feature === 'link') },
      { style: { color: '#aab', weight: 1, opacity: 0.7 }, interactive: false }).addTo(state.map);
  }
  if (state.highlight) state.highlight.remove();
  const v = state.comparison.variants.find((x) => x.variant === $('variant').value);
  if (!v) return;
  const ch = v.changes || { nodes: [], links: [], closed_nodes: [] };
  const nodes = new Set(ch.nodes);
  const closed = new Set(ch.closed_nodes);
  const links = new Set(ch.links);
  const feats = state.network.features.filter((f) => (f.properties.feature === 'link' && links.has(f.properties.id))
    || (f.properties.feature === 'node' && (nodes.has(f.properties.id) || closed.has(f.properties.id))));
  state.highlight = L.geoJSON({ type: 'FeatureCollection', features: feats }, {
    style: { color: '#f39c12', weight: 4 },
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 7, weight: 2, color: '#333',
      fillColor: closed.has(f.properties.id) ? '#b03a2e' : '#f39c12', fillOpacity: 1 }),
    onEachFeature: (f, layer) => layer.bindTooltip(`${f.properties.name || f.properties.id} (${f.properties.id})`),
  }).addTo(state.map);
  document.body.dataset.highlighted = String(feats.length);
}

Promise.all([loadShipped(), loadStored()]).then(() => { document.body.dataset.ready = 'true'; }).catch(showProblem);
