// The bearer token the API asks for on writes and on simulation jobs (docs/API.md, Authentication).
// This server's own pages get it from GET /api/web-token, which answers only a same-origin fetch from a
// browser on the same machine. A page opened from another machine (or a server started with
// --no-web-token) takes it from '#token=...' in the address, else asks once; it is kept for the tab only
// (sessionStorage) and dropped when the server refuses it.
const KEY = 'caravan.token';
let pending = null;

async function obtain() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  const kept = sessionStorage.getItem(KEY);
  if (kept) return kept;
  const res = await fetch('/api/web-token', { cache: 'no-store' });
  if (res.ok) return (await res.json()).token;
  const typed = (window.prompt('This server needs its API token (caravan serve names the file that holds it):') || '').trim();
  if (!typed) throw { title: 'No API token', detail: 'writes need the server\'s token; reload the page to enter it' };
  sessionStorage.setItem(KEY, typed);
  return typed;
}

/** The token, fetched once per page. */
export function token() {
  pending ||= obtain().catch((e) => { pending = null; throw e; });
  return pending;
}

/** fetch() with the Authorization header. */
export async function authFetch(url, init = {}) {
  const headers = new Headers(init.headers || {});
  headers.set('Authorization', `Bearer ${await token()}`);
  const res = await fetch(url, { ...init, headers });
  if (res.status === 401) {
    sessionStorage.removeItem(KEY);
    pending = null;
  }
  return res;
}

/**
 * Server-sent events read with fetch, since EventSource cannot send the Authorization header: calls
 * onEvent(name, data) for each event; resolves when the server ends the stream, rejects when it breaks or
 * is aborted through `signal`.
 */
export async function streamEvents(url, onEvent, signal) {
  const res = await authFetch(url, { headers: { Accept: 'text/event-stream' }, signal });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, data.join('\n'));
    }
  }
}
