// CO2e chart of the planner's routes (uPlot): one bar per route, well-to-tank (energy supply) stacked under
// tank-to-wheel (on board), and a whisker from the low to the high end of the route's factor range, so rail
// against sea is visible at a glance. Values come straight from the route answer (co2e_wtt_kg, co2e_ttw_kg,
// co2e_range_kg); nothing is recomputed here.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const WTT = '#7fb3d5';
const TTW = '#1f618d';

let chart = null;

/** The bars as drawn, for the end-to-end test: [{rank, wtt, ttw, low, high}]. */
export let co2eBars = [];

function whiskers(u) {
  const { ctx } = u;
  ctx.save();
  ctx.strokeStyle = '#222';
  ctx.lineWidth = 1.5 * devicePixelRatio;
  co2eBars.forEach((b, i) => {
    const x = u.valToPos(i, 'x', true);
    const lo = u.valToPos(b.low, 'y', true);
    const hi = u.valToPos(b.high, 'y', true);
    const w = 5 * devicePixelRatio;
    ctx.beginPath();
    ctx.moveTo(x, lo); ctx.lineTo(x, hi);
    ctx.moveTo(x - w, lo); ctx.lineTo(x + w, lo);
    ctx.moveTo(x - w, hi); ctx.lineTo(x + w, hi);
    ctx.stroke();
  });
  ctx.restore();
}

/** Draws (or redraws) the chart of {@code routes} into {@code el}; labels are "#rank corridor". */
export function renderCo2eChart(el, routes) {
  co2eBars = routes.map((r) => ({ rank: r.rank, corridor: r.corridor, wtt: r.co2e_wtt_kg, ttw: r.co2e_ttw_kg,
    low: r.co2e_range_kg[0], high: r.co2e_range_kg[1] }));
  if (chart) chart.destroy();
  el.hidden = false;
  const x = co2eBars.map((_, i) => i);
  const label = (i) => (co2eBars[i] ? `#${co2eBars[i].rank} ${co2eBars[i].corridor}` : '');
  const bars = uPlot.paths.bars({ size: [0.6, 60] });
  chart = new uPlot({
    width: Math.max(320, el.clientWidth || 600), height: 220,
    title: 'CO2e per route, kg (WTT + TTW = WTW; whisker: low–high)',
    scales: { x: { time: false, range: [-0.6, co2eBars.length - 0.4] },
      y: { range: (u, min, max) => [0, Math.max(1, ...co2eBars.map((b) => b.high)) * 1.05] } },
    axes: [{ values: (u, vals) => vals.map((v) => (Number.isInteger(v) ? label(v) : '')), rotate: -30, size: 70 },
      { label: 'kg CO2e', size: 60 }],
    series: [{ label: 'route', value: (u, v) => (v === null ? '–' : label(v)) },
      // WTW first (drawn as the full bar in the TTW colour), then WTT over its lower part: a stacked look.
      { label: 'TTW (on board)', stroke: TTW, fill: TTW, paths: bars, points: { show: false },
        value: (u, v, s, i) => (i === null || !co2eBars[i] ? '–' : `${Math.round(co2eBars[i].ttw)} kg`) },
      { label: 'WTT (energy supply)', stroke: WTT, fill: WTT, paths: bars, points: { show: false },
        value: (u, v) => (v === null ? '–' : `${Math.round(v)} kg`) }],
    hooks: { draw: [whiskers] },
  }, [x, co2eBars.map((b) => b.wtt + b.ttw), co2eBars.map((b) => b.wtt)], el);
}
