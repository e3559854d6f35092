// Renders /openapi.json as a plain page: operations with parameters, bodies and responses, then the schemas and
// the problem types (their anchors are the `type` URIs of problem responses).
import './api-docs.css';

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const refName = (ref) => ref.split('/').pop();

function schemaText(s) {
  if (!s) return '';
  if (s.$ref) return `<a href="#schema-${refName(s.$ref)}">${refName(s.$ref)}</a>`;
  if (s.type === 'array') return `array of ${schemaText(s.items)}`;
  if (s.oneOf) return s.oneOf.map(schemaText).join(' or ');
  let t = esc(s.type || 'any');
  if (s.enum) t += ` (${s.enum.map(esc).join(' | ')})`;
  if (s.format) t += `, ${esc(s.format)}`;
  const range = [];
  if (s.minimum !== undefined) range.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) range.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined) range.push(`≤ ${s.maximum}`);
  if (s.exclusiveMaximum !== undefined) range.push(`< ${s.exclusiveMaximum}`);
  if (s.maxLength !== undefined) range.push(`length ≤ ${s.maxLength}`);
  if (range.length) t += `, ${range.join(', ')}`;
  if (s.default !== undefined) t += `, default ${esc(JSON.stringify(s.default))}`;
  return t;
}

function operation(path, method, op) {
  const params = (op.parameters || []).map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${p.in}${p.required ? ', required' : ''}</td>
    <td>${schemaText(p.schema)}</td><td>${esc(p.description)}</td></tr>`).join('');
  const body = op.requestBody ? Object.entries(op.requestBody.content).map(([type, c]) => `<p>Body (<code>${type}</code>): ${schemaText(c.schema)}</p>
    ${c.example ? `<pre>${esc(JSON.stringify(c.example, null, 2))}</pre>` : ''}`).join('') : '';
  const responses = Object.entries(op.responses).map(([code, r]) => `<tr><td>${code}</td><td>${esc(r.description)}</td>
    <td>${Object.entries(r.content || {}).map(([t, c]) => `<code>${t}</code>: ${schemaText(c.schema)}`).join('<br>')}</td></tr>`).join('');
  return `<section class="op" id="op-${esc(op.operationId)}"><h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
    <p>${esc(op.summary)}</p>
    ${params ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th></th></tr></thead><tbody>${params}</tbody></table>` : ''}
    ${body}<table><thead><tr><th>Status</th><th>Meaning</th><th>Content</th></tr></thead><tbody>${responses}</tbody></table></section>`;
}

function schema(name, s) {
  const required = new Set(s.required || []);
  const props = Object.entries(s.properties || {}).map(([p, ps]) => `<tr><td><code>${esc(p)}</code>${required.has(p) ? ' *' : ''}</td>
    <td>${schemaText(ps)}</td><td>${esc(ps.description)}</td></tr>`).join('');
  return `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${s.description ? `<p>${esc(s.description)}</p>` : ''}
    ${props ? `<table><thead><tr><th>Field</th><th>Type</th><th></th></tr></thead><tbody>${props}</tbody></table>` : `<p>${schemaText(s)}</p>`}</section>`;
}

async function main() {
  const doc = await (await fetch('/openapi.json')).json();
  const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([m, op]) => operation(path, m, op)));
  const schemas = Object.entries(doc.components.schemas).map(([n, s]) => schema(n, s));
  const problems = (doc['x-problem-types'] || []).map((p) => `<tr id="${esc(p.type.split('#')[1])}"><td><code>${esc(p.type)}</code></td>
    <td>${p.status}</td><td>${esc(p.title)}</td><td>${esc(p.when)}</td></tr>`).join('');
  document.getElementById('doc').innerHTML = `<p>${esc(doc.info.description)}</p><p>OpenAPI ${esc(doc.openapi)}, API version ${esc(doc.info.version)}.</p>
    <h2>Operations</h2>${ops.join('')}
    <h2 id="problems">Problem types</h2><p>Errors are <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>,
    <code>status</code>, <code>detail</code> and <code>errors</code> (each with <code>field</code>, <code>pointer</code>, <code>detail</code>).</p>
    <table><thead><tr><th>type</th><th>Status</th><th>Title</th><th>When</th></tr></thead><tbody>${problems}</tbody></table>
    <h2>Schemas</h2>${schemas.join('')}`;
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}
main().catch((e) => { document.getElementById('doc').textContent = `Cannot load /openapi.json: ${e}`; });
