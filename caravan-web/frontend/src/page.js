// What every page script needs, written once: element lookup, HTML escaping, number formatting, and the status
// line that shows a message or an RFC 9457 problem from the API (title, detail and the fields it names).

export const $ = (id) => document.getElementById(id);

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** x with `digits` decimals and thousands separators; '–' for a missing value. */
export function number(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return Number(x).toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function status(text, error = false) {
  $('status').className = error ? 'error' : '';
  $('status').textContent = text;
}

export function showProblem(p) {
  const fields = (p.errors || []).map((e) => e.field).filter(Boolean);
  status(`${p.title}: ${p.detail}${fields.length ? ` [${fields.join(', ')}]` : ''}`, true);
}
