// Caravan simulation page: starts a job with POST /api/simulations, follows it over server-sent events
// (/api/simulations/{id}/events) and draws the results with uPlot: transit-time histograms per corridor,
// utilisation of the busiest resources, queue lengths of the top bottlenecks, and the bottleneck ranking.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './app.css';
import './simulation.css';
import { authFetch, streamEvents } from './auth.js';
import { $, escapeHtml, number, showProblem, status } from './page.js';

const COLOURS = ['#e6194b', '#4363d8', '#3cb44b', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000'];
const TOP_N = 15;
const state = { job: null, source: null, charts: {}, results: null };

for (const r of document.querySelectorAll('input[name=source]')) {
  r.addEventListener('change', () => { $('scenario-file').disabled = !$('source-upload').checked; });
}

const fmt = (x, digits = 1) => number(x, digits);

async function requestBody() {
  const body = {};
  if ($('source-upload').checked) {
    const file = $('scenario-file').files[0];
    if (!file) throw { title: 'No file', detail: 'choose a scenario YAML file to upload' };
    body.scenario_yaml = await file.text();
  }
  for (const [id, key] of [['replications', 'replications'], ['years', 'years'], ['seed', 'seed']]) {
    const v = $(id).value;
    if (v !== '') body[key] = Number(v);
  }
  return body;
}

function running(on) {
  $('run').disabled = on;
  $('cancel').hidden = !on;
  $('progress').hidden = !on && !state.job;
}

function showProgress(job) {
  state.job = job;
  $('progress').max = job.progress.total;
  $('progress').value = job.progress.done;
  $('progress').hidden = false;
  document.body.dataset.simStatus = job.status;
  const what = `${job.scenario}: ${job.progress.done} / ${job.progress.total} replications of ${fmt(job.years, 2)} years`;
  status(job.status === 'queued' ? `Queued — ${what}` : job.status === 'running'
    ? `Running${job.cancel_requested ? ' (cancelling)' : ''} — ${what}` : `${job.status} — ${what}`, job.status === 'failed');
}

$('sim-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (state.source) state.source.close();
  running(true);
  try {
    const res = await authFetch('/api/simulations', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(await requestBody()) });
    const json = await res.json();
    if (!res.ok) throw json;
    showProgress(json);
    follow(res.headers.get('Location') || `/api/simulations/${json.id}`);
  } catch (p) {
    running(false);
    showProblem(p.title ? p : { title: 'Request failed', detail: String(p) });
  }
});

$('cancel').addEventListener('click', async () => {
  if (!state.job) return;
  const res = await authFetch(`/api/simulations/${state.job.id}`, { method: 'DELETE' });
  if (res.status === 202) showProgress(await res.json());
});

// Server-sent events (read with fetch: they need the Authorization header); if the stream breaks or ends
// before the done event, poll instead.
function follow(path) {
  const abort = new AbortController();
  state.source = { close: () => abort.abort() };
  let finished = false;
  const onEvent = (name, data) => {
    if (name === 'progress') showProgress(JSON.parse(data));
    if (name === 'done') {
      finished = true;
      finish(path, JSON.parse(data));
    }
  };
  streamEvents(`${path}/events`, onEvent, abort.signal)
    .catch(() => {})
    .then(() => { if (!finished && !abort.signal.aborted) poll(path); });
}

async function poll(path) {
  const res = await authFetch(path);
  const job = await res.json();
  if (!res.ok) { running(false); showProblem(job); return; }
  if (['done', 'failed', 'cancelled'].includes(job.status)) { finish(path, job); return; }
  showProgress(job);
  setTimeout(() => poll(path), 500);
}

async function finish(path, job) {
  running(false);
  showProgress(job);
  if (job.status === 'failed') { status(`Failed: ${job.error}`, true); return; }
  if (job.status !== 'done') return;
  const res = await authFetch(path);
  const full = await res.json();
  state.results = full.results;
  const secs = (Date.parse(full.finished_at) - Date.parse(full.started_at)) / 1000;
  status(`Done — ${full.scenario}: ${full.replications} replications of ${fmt(full.years, 2)} years in ${fmt(secs, 1)} s`);
  render(full.results);
  document.body.dataset.simStatus = 'rendered';
}

// ---- results --------------------------------------------------------------------------------------------
function kpi(r, name) { return r.kpis[name] || {}; }
function pm(k, scale, digits) {
  if (k.mean === undefined || k.mean === null) return '–';
  return fmt(k.mean / scale, digits) + (k.ci95 === null || k.ci95 === undefined ? '' : ` ± ${fmt(k.ci95 / scale, digits)}`);
}

function render(r) {
  const corridors = Object.keys(r.transit_histograms.corridors);
  $('kpis').tBodies[0].innerHTML = ['all', ...corridors].map((c) => `<tr><td>${escapeHtml(c)}</td>
    <td>${pm(kpi(r, `throughput.${c}.teu_per_year`), 1000, 1)}</td><td>${pm(kpi(r, `throughput.${c}.tonnes_per_year`), 1e6, 2)}</td>
    <td>${pm(kpi(r, `transit.${c}.p50_days`), 1, 1)}</td><td>${pm(kpi(r, `transit.${c}.p95_days`), 1, 1)}</td>
    <td>${pm(kpi(r, `co2e.${c}.tonnes_per_year`), 1000, 1)}</td></tr>`).join('');
  $('charts').hidden = false;
  for (const c of Object.values(state.charts)) c.destroy();
  state.charts = {};
  state.charts.transit = transitChart(r, corridors);
  state.charts.utilisation = utilisationChart(r);
  state.charts.queues = queueChart(r);
  bottleneckTable(r);
}

function width(el) { return Math.max(360, el.clientWidth || 500); }

function transitChart(r, corridors) {
  const h = r.transit_histograms;
  const el = $('chart-transit');
  const n = h.all.length;
  const x = Array.from({ length: n }, (_, i) => h.start_days + (i + 0.5) * h.bin_days);
  const used = corridors.filter((c) => h.corridors[c].some((v) => v > 0));
  const ys = used.map((c) => {
    const total = h.corridors[c].reduce((a, b) => a + b, 0);
    return h.corridors[c].map((v) => (total ? (100 * v) / total : 0));
  });
  return new uPlot({
    width: width(el), height: 260,
    scales: { x: { time: false } },
    axes: [{ label: 'door-to-door days' }, { label: '% of units', size: 50 }],
    series: [{ label: 'days', value: (u, v) => (v === null ? '–' : `${fmt(v - h.bin_days / 2, 1)}–${fmt(v + h.bin_days / 2, 1)}`) },
      ...used.map((c, i) => ({ label: c, stroke: COLOURS[i], fill: `${COLOURS[i]}33`, width: 1.5,
        paths: uPlot.paths.stepped({ align: 0 }), points: { show: false }, value: (u, v) => (v === null ? '–' : `${fmt(v, 1)} %`) }))],
  }, [x, ...ys], el);
}

function utilisationChart(r) {
  const el = $('chart-utilisation');
  const rows = r.resources.filter((x) => x.utilisation !== null && x.utilisation !== undefined && x.kind !== 'formation' && x.kind !== 'marshalling')
    .sort((a, b) => b.utilisation - a.utilisation).slice(0, TOP_N);
  $('top-n').textContent = rows.length;
  const x = rows.map((_, i) => i);
  const labels = rows.map((row) => `${row.kind} ${row.id}`);
  return new uPlot({
    width: width(el), height: 260,
    scales: { x: { time: false, range: [-0.6, rows.length - 0.4] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [{ values: (u, vals) => vals.map((v) => (Number.isInteger(v) && rows[v] ? shortId(rows[v]) : '')), rotate: -35, size: 100, gap: 2 },
      { label: 'utilisation', values: (u, vals) => vals.map((v) => `${Math.round(v * 100)} %`), size: 55 }],
    series: [{ label: 'resource', value: (u, v) => (v === null ? '–' : labels[v] || '') },
      { label: 'utilisation', stroke: '#2c3e50', fill: '#2e86c1aa', paths: uPlot.paths.bars({ size: [0.7, 40] }),
        points: { show: false }, value: (u, v) => (v === null ? '–' : `${fmt(v * 100, 1)} %`) }],
  }, [x, rows.map((row) => row.utilisation)], el);
}

function shortId(row) {
  const id = row.id.length > 16 ? `${row.id.slice(0, 15)}…` : row.id;
  return id;
}

// The queue series of the top bottlenecks that the model samples (borders, berths, yards); when fewer than three,
// the series with the largest mean queues fill up to five.
function queueSeries(r) {
  const byName = new Map(r.queues.series.map((s) => [s.name, s]));
  const chosen = [];
  for (const b of r.bottlenecks) {
    if (b.queue_series && byName.has(b.queue_series) && !chosen.includes(b.queue_series)) chosen.push(b.queue_series);
    if (chosen.length === 5) break;
  }
  for (const s of r.queues.series) {
    if (chosen.length >= 3) break;
    if (!chosen.includes(s.name) && s.mean > 0) chosen.push(s.name);
  }
  return chosen.map((n) => byName.get(n));
}

function queueChart(r) {
  const el = $('chart-queues');
  const q = r.queues;
  const series = queueSeries(r);
  const x = Array.from({ length: q.samples }, (_, j) => q.start_day + j * q.interval_days);
  const unitsScale = (s) => (s.measure === 'yard_units' ? 'units' : 'count');
  const hasUnits = series.some((s) => unitsScale(s) === 'units');
  const hasCount = series.some((s) => unitsScale(s) === 'count');
  const axes = [{ label: 'day' }];
  if (hasCount) axes.push({ scale: 'count', label: 'trains / vessels waiting', size: 50 });
  if (hasUnits) axes.push({ scale: 'units', label: 'units in yard', side: hasCount ? 1 : 3, size: 60, grid: { show: !hasCount } });
  return new uPlot({
    width: width(el), height: 260,
    scales: { x: { time: false }, count: { range: (u, min, max) => [0, Math.max(1, max)] }, units: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes,
    series: [{ label: 'day', value: (u, v) => (v === null ? '–' : fmt(v, 0)) },
      ...series.map((s, i) => ({ label: `${s.measure.replace(/_/g, ' ')} ${s.id}`, scale: unitsScale(s), stroke: COLOURS[i], width: 1.3,
        value: (u, v) => (v === null ? '–' : fmt(v, 1)), points: { show: false } }))],
  }, [x, ...series.map((s) => s.values)], el);
}

function bottleneckTable(r) {
  $('bottlenecks').tBodies[0].innerHTML = r.bottlenecks.map((b) => `<tr><td>${b.rank}</td><td>${escapeHtml(b.kind)}</td>
    <td>${escapeHtml(b.id)}</td><td>${fmt(b.share * 100, 1)} %</td><td>${fmt(b.wait_unit_hours_per_year, 0)}</td>
    <td>${b.utilisation === null ? '–' : `${fmt(b.utilisation * 100, 1)} %`}</td><td>${fmt(b.mean_wait_h, 1)}</td></tr>`).join('');
}

window.addEventListener('resize', () => {
  for (const [name, c] of Object.entries(state.charts)) {
    c.setSize({ width: width($(`chart-${name}`)), height: 260 });
  }
});

// Hooks for the end-to-end test: what the charts hold.
window.caravanSim = {
  status: () => (state.job ? state.job.status : ''),
  chartSeries: (name) => (state.charts[name] ? state.charts[name].series.length - 1 : 0),
  chartPoints: (name) => {
    const c = state.charts[name];
    if (!c) return 0;
    return c.data.slice(1).reduce((n, ys) => n + ys.filter((v) => v !== null && v !== undefined && v !== 0).length, 0);
  },
  bottleneckRows: () => $('bottlenecks').tBodies[0].rows.length,
};
