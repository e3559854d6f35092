// Caravan raw-materials page: the critical-raw-material flows of GET /api/crm/risk on a map (origin → corridor →
// EU, line width by tonnes), the share of each material through each chokepoint, and what a disruption chosen
// from GET /api/crm/disruptions strands: the best allowed alternative, extra time, cost and CO2e, capacity.
import L from 'leaflet';
import './app.css';
import './raw-materials.css';
import { baseMap } from './basemap.js';
import { $, escapeHtml, number, showProblem, status } from './page.js';

const MATERIAL_COLOURS = ['#d4ac0d', '#d35400', '#5d6d7e', '#1f618d', '#8e44ad', '#16a085', '#c0392b', '#27ae60'];
const STRANDED_COLOUR = '#b03a2e';
const CONDITIONAL_COLOUR = '#7d3c98';
const state = { report: null, lines: 0, disruptions: [], colours: {} };

const map = baseMap('crm-map', [[30, 10], [60, 80]]);
const flowLayer = L.layerGroup().addTo(map);

const fmt = (x, digits = 0) => number(x, digits);
function signed(x, digits = 0) {
  if (x === null || x === undefined) return '–';
  return (x > 0 ? '+' : '') + fmt(x, digits);
}
function colour(material) { return state.colours[material] || '#555'; }

// Line width grows with the square root of the tonnes, so a 3,500 t flow stays visible next to a 50,000 t one.
function width(tonnes, max) { return 2 + 12 * Math.sqrt(tonnes / max); }

// Draws routed parts; parts of one material sharing a segment add up, so the width is that segment's tonnes.
function drawParts(parts, style, max) {
  const segments = new Map();
  for (const { material, part } of parts) {
    const path = part.path || [];
    for (let i = 1; i < path.length; i++) {
      const key = `${material}|${path[i - 1].lat},${path[i - 1].lon}|${path[i].lat},${path[i].lon}`;
      const s = segments.get(key) || { material, a: path[i - 1], b: path[i], tonnes: 0 };
      s.tonnes += part.tonnes_yr;
      segments.set(key, s);
    }
  }
  const sorted = [...segments.values()].sort((x, y) => y.tonnes - x.tonnes);
  for (const s of sorted) {
    const line = L.polyline([[s.a.lat, s.a.lon], [s.b.lat, s.b.lon]], {
      color: style.colour || colour(s.material), weight: style.fixedWeight || width(s.tonnes, max),
      opacity: style.opacity || 0.75, dashArray: style.dash || null, lineCap: 'butt',
    });
    line.bindTooltip(`${escapeHtml(s.material)}: ${fmt(s.tonnes)} t/yr${style.label ? ` (${style.label})` : ''}`);
    line.addTo(flowLayer);
    state.lines++;
  }
}

function drawMap(report) {
  flowLayer.clearLayers();
  state.lines = 0;
  const current = [];
  const ends = new Map();
  for (const m of report.materials) {
    for (const f of m.flows) {
      for (const p of f.routes) {
        current.push({ material: m.id, part: p });
        const path = p.path || [];
        if (path.length) {
          ends.set(path[0].id, { stop: path[0], role: 'origin', material: m.id });
          ends.set(path[path.length - 1].id, { stop: path[path.length - 1], role: 'EU destination', material: m.id });
        }
      }
    }
  }
  const max = Math.max(1, ...report.materials.map((m) => m.tonnes_yr));
  const before = report.stranded.flatMap((s) => s.before.map((p) => ({ material: s.material, part: p })));
  drawParts(before, { colour: STRANDED_COLOUR, dash: '6 6', opacity: 0.9, fixedWeight: 3, label: 'stranded by the disruption' }, max);
  const conditional = report.stranded.filter((s) => s.conditional_alternative)
    .flatMap((s) => s.conditional_alternative.routes.filter((p) => !s.alternative.includes(p))
      .map((p) => ({ material: s.material, part: p })));
  drawParts(conditional, { colour: CONDITIONAL_COLOUR, dash: '2 6', opacity: 0.9, fixedWeight: 3, label: 'conditional: not allowed under the flow\'s rules' }, max);
  drawParts(current, {}, max);
  for (const { stop, role, material } of ends.values()) {
    L.circleMarker([stop.lat, stop.lon], { radius: 5, color: '#333', weight: 1, fillColor: role === 'origin' ? colour(material) : '#fff', fillOpacity: 1 })
      .bindTooltip(`${escapeHtml(stop.name)} (${stop.id}, ${role})`).addTo(flowLayer);
  }
}

function legend(report) {
  const rows = report.materials.map((m) => `<span><i style="background:${colour(m.id)}"></i>${escapeHtml(m.name)} — ${fmt(m.tonnes_yr)} t/yr</span>`);
  rows.push(`<span><i style="background:${STRANDED_COLOUR}"></i>route closed by the disruption</span>`);
  rows.push(`<span><i style="background:${CONDITIONAL_COLOUR}"></i>conditional route (shipper's preference lifted)</span>`);
  $('materials-legend').innerHTML = rows.join('');
}

function flowsTable(report) {
  const rows = [];
  for (const m of report.materials) {
    for (const f of m.flows) {
      const swatch = `<i class="swatch" style="background:${colour(m.id)}"></i>`;
      for (const p of f.routes) {
        const path = p.path || [];
        rows.push(`<tr><td>${swatch}${escapeHtml(m.id)}</td><td class="text">${escapeHtml(f.id)}</td>
          <td class="text">${escapeHtml(path.length ? path[0].name : f.origin)}</td><td class="text">${escapeHtml(p.corridor)}</td>
          <td class="text">${escapeHtml(path.length ? path[path.length - 1].name : f.destination)}</td><td>${fmt(p.tonnes_yr)}</td>
          <td>${fmt(p.days, 1)}</td><td>${fmt(p.cost_usd_t)}</td><td>${fmt(p.co2e_kg_t)}</td>
          <td class="text">${escapeHtml(p.chokepoints.join(', ') || 'none')}</td><td class="legs">${escapeHtml(p.legs.join(' | '))}</td></tr>`);
      }
      if (f.unrouted_t > 0) {
        rows.push(`<tr><td>${swatch}${escapeHtml(m.id)}</td><td class="text">${escapeHtml(f.id)}</td><td class="text">${escapeHtml(f.origin)}</td>
          <td class="none-allowed" colspan="2">no allowed route</td><td>${fmt(f.unrouted_t)}</td><td colspan="4"></td>
          <td class="legs">${escapeHtml(f.no_route || '')}</td></tr>`);
      }
    }
  }
  $('flows').tBodies[0].innerHTML = rows.join('');
}

function chokepointTable(report) {
  const ids = report.materials.length ? report.materials[0].chokepoints.map((c) => c.id) : [];
  $('chokepoints').tHead.innerHTML = `<tr><th>Material</th><th>t/yr</th>${ids.map((id) => `<th>${escapeHtml(id)}</th>`).join('')}
    <th class="text">Split by chokepoint set (sums to the flow)</th><th>Sum t/yr</th><th>HHI routes</th><th>HHI chokepoints</th></tr>`;
  $('chokepoints').tBodies[0].innerHTML = report.materials.map((m) => {
    const cells = m.chokepoints.map((c) => {
      const pct = Math.round(100 * c.share);
      return `<td class="share" style="background-image:linear-gradient(to right,${colour(m.id)}55 ${pct}%,transparent ${pct}%)">${c.share > 0 ? `${pct} %` : '–'}</td>`;
    }).join('');
    const sets = m.chokepoint_sets.map((s) => `${escapeHtml(s.id)} ${Math.round(100 * s.share)} %`).join(', ');
    const sum = m.chokepoint_sets.reduce((a, s) => a + s.tonnes_yr, 0);
    return `<tr data-material="${escapeHtml(m.id)}" data-tonnes="${m.tonnes_yr}" data-sum="${sum}"><td><i class="swatch" style="background:${colour(m.id)}"></i>${escapeHtml(m.id)}</td>
      <td>${fmt(m.tonnes_yr)}</td>${cells}<td class="text">${sets || (m.tonnes_yr > 0 ? '' : 'no EU flow published')}</td><td>${fmt(sum)}</td>
      <td>${fmt(m.route_hhi)}</td><td>${fmt(m.chokepoint_hhi)}</td></tr>`;
  }).join('');
}

function routeText(parts) {
  return parts.map((p) => `${fmt(p.tonnes_yr)} t ${p.corridor}, ${fmt(p.days, 1)} d, via ${p.chokepoints.join('+') || 'no chokepoint'}: ${p.legs.join(' | ')}`).join('; ');
}

function strandedTable(report) {
  $('stranded-card').hidden = !report.disruption;
  if (!report.disruption) return;
  const rows = report.stranded.map((s) => {
    const alt = s.alternative.length
      ? `<td class="legs">${escapeHtml(routeText(s.alternative))}</td>`
      : `<td class="none-allowed">none allowed: ${escapeHtml(s.no_alternative || '')}</td>`;
    const c = s.capacity;
    const cap = `${escapeHtml(c.bottleneck)}${c.capacity_teu_day === null ? '' : ` ${fmt(c.capacity_teu_day)} TEU/day`}; +${fmt(c.added_teu_day, 2)} TEU/day; ${escapeHtml(c.note)}`;
    let row = `<tr data-flow="${escapeHtml(s.flow)}"><td>${escapeHtml(s.flow)}</td><td class="text">${escapeHtml(s.material)}</td><td>${fmt(s.tonnes_yr)}</td>
      <td class="legs">${escapeHtml(routeText(s.before))}</td>${alt}<td>${signed(s.extra_days, 1)}</td><td>${signed(s.extra_cost_usd_yr)}</td>
      <td>${signed(s.extra_co2e_t_yr, 1)}</td><td class="legs">${cap}</td></tr>`;
    const k = s.conditional_alternative;
    if (k) {
      row += `<tr class="conditional" data-flow="${escapeHtml(s.flow)}-conditional"><td></td><td class="text conditional" colspan="3">conditional: ${escapeHtml(k.condition)}</td>
        <td class="legs">${escapeHtml(routeText(k.routes))}</td><td class="conditional">${signed(k.extra_days, 1)}</td>
        <td class="conditional">${signed(k.extra_cost_usd_yr)}</td><td class="conditional">${signed(k.extra_co2e_t_yr, 1)}</td><td></td></tr>`;
    }
    return row;
  });
  $('stranded').tBodies[0].innerHTML = rows.length ? rows.join('')
    : `<tr><td colspan="9" class="text">No flow is stranded by ${escapeHtml(report.disruption.id)}.</td></tr>`;
}

function render(report) {
  state.report = report;
  report.materials.forEach((m, i) => { if (!state.colours[m.id]) state.colours[m.id] = MATERIAL_COLOURS[i % MATERIAL_COLOURS.length]; });
  legend(report);
  drawMap(report);
  flowsTable(report);
  chokepointTable(report);
  strandedTable(report);
  // The sea-lane switches in force on the reference day: every route sails round them, as the planner's.
  $('lanes-note').textContent = (report.sea_lanes || []).map((l) =>
    `Sea lanes on ${report.departure}: ${l.name} (${l.id}, ${l.valid_from}..${l.valid_to}, ${l.kind}; avoids ${l.avoid_passages.join(', ')}).`).join(' ');
  const d = report.disruption;
  status(d ? `${d.name} (${d.id}): ${report.stranded.length} stranded flow(s)` : `${report.materials.length} materials, today's routes`);
  document.body.dataset.crmStatus = 'rendered';
}

async function load(disruption) {
  document.body.dataset.crmStatus = 'loading';
  status('Routing the flows…');
  const d = state.disruptions.find((x) => x.id === disruption);
  $('disruption-note').textContent = d ? `Removes ${d.removes.join(', ')}. ${d.notes} (${d.source})` : '';
  try {
    const res = await fetch(`/api/crm/risk${disruption ? `?disruption=${encodeURIComponent(disruption)}` : ''}`);
    const json = await res.json();
    if (!res.ok) throw json;
    render(json);
  } catch (p) {
    document.body.dataset.crmStatus = 'failed';
    showProblem(p.title ? p : { title: 'Request failed', detail: String(p) });
  }
}

$('disruption').addEventListener('change', () => load($('disruption').value));

(async () => {
  try {
    const res = await fetch('/api/crm/disruptions');
    state.disruptions = await res.json();
    for (const d of state.disruptions) {
      const o = document.createElement('option');
      o.value = d.id;
      o.textContent = `${d.name} (${d.id})`;
      $('disruption').appendChild(o);
    }
  } catch (e) {
    showProblem({ title: 'Request failed', detail: String(e) });
  }
  const wanted = new URLSearchParams(window.location.search).get('disruption') || '';
  $('disruption').value = state.disruptions.some((d) => d.id === wanted) ? wanted : '';
  await load($('disruption').value);
})();

// Hooks for the browser test.
window.caravanCrm = {
  lineCount: () => state.lines,
  strandedFlows: () => (state.report ? state.report.stranded.map((s) => s.flow) : []),
  chokepointSums: () => [...document.querySelectorAll('#chokepoints tbody tr')]
    .map((tr) => ({ material: tr.dataset.material, tonnes: Number(tr.dataset.tonnes), sum: Number(tr.dataset.sum) })),
};
