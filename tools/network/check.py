#!/usr/bin/env python3
"""Checks the default Caravan network (data/network/*.csv) against docs/NETWORK-FORMAT.md and the
curation rules of the default network.  Standard library only.

  python3 tools/network/check.py [DIR]      # DIR defaults to data/network; exit 1 on any error

Checked: exact header rows; id syntax and uniqueness; enums; coordinate ranges; distances > 0; every
non-empty numeric value has a source (group column or row `source`) and every source id is defined in
sources.csv; `range` syntax; node/link ids resolve; link countries include both end countries; every link
has distance, duration, sd, tariff and toc; >= 90 nodes in >= 14 countries; one connected component; and,
with a Dijkstra over (node, carrier class) states that may change class only where transfers.csv allows it,
that Xi'an -> Duisburg exists via the Middle Corridor (Caspian + Georgia/Black Sea, Caspian + Turkiye),
the Northern route (RU/BY/PL), the Southern route (TM/IR/TR) and avoiding RU and BY, and that
Shanghai -> Rotterdam exists by sea.
"""
import csv
import heapq
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.normpath(os.path.join(HERE, '..', '..', 'data', 'network'))

COLUMNS = {
    'sources.csv': ['id', 'kind', 'title', 'publisher', 'date', 'url', 'licence'],
    'nodes.csv': ['id', 'name', 'aliases', 'kind', 'country', 'lat', 'lon', 'dwell_h', 'dwell_sd_h', 'dwell_out_h',
                  'dwell_out_sd_h', 'handling_h', 'handling_usd_teu', 'capacity_teu_day', 'source', 'coord_source',
                  'dwell_source', 'dwell_out_source', 'handling_source', 'capacity_source', 'status', 'opening_year',
                  'range', 'notes'],
    'links.csv': ['id', 'from', 'to', 'mode', 'directed', 'gauge', 'electrified', 'track', 'ferry_type', 'distance_km',
                  'duration_h', 'duration_sd_h', 'tariff_usd_teu', 'capacity_teu_day', 'countries', 'passages', 'toc',
                  'service', 'source', 'distance_source', 'duration_source', 'tariff_source', 'capacity_source', 'status',
                  'opening_year', 'range', 'notes'],
    'transfers.csv': ['node', 'from_class', 'to_class', 'time_h', 'cost_usd_teu', 'source', 'transfer_source', 'notes'],
    'services.csv': ['id', 'link', 'kind', 'departures_per_week', 'first_departure_h', 'timetable', 'capacity_teu',
                     'operator', 'source', 'schedule_source', 'capacity_source', 'notes'],
}
# numeric column -> group source column (None = only the row source applies)
NUMERIC = {
    'nodes.csv': {'lat': 'coord_source', 'lon': 'coord_source', 'dwell_h': 'dwell_source', 'dwell_sd_h': 'dwell_source',
                  'dwell_out_h': 'dwell_out_source', 'dwell_out_sd_h': 'dwell_out_source',
                  'handling_h': 'handling_source', 'handling_usd_teu': 'handling_source',
                  'capacity_teu_day': 'capacity_source'},
    'links.csv': {'gauge': None, 'distance_km': 'distance_source', 'duration_h': 'duration_source',
                  'duration_sd_h': 'duration_source', 'tariff_usd_teu': 'tariff_source',
                  'capacity_teu_day': 'capacity_source'},
    'transfers.csv': {'time_h': 'transfer_source', 'cost_usd_teu': 'transfer_source'},
    'services.csv': {'departures_per_week': 'schedule_source', 'first_departure_h': 'schedule_source',
                     'capacity_teu': 'capacity_source'},
}
KINDS = {'terminal', 'port', 'border', 'gauge_change', 'city'}
MODES = {'rail', 'road', 'ferry', 'sea', 'iww'}
TOCS = {'rail-electric', 'rail-diesel', 'road-hgv', 'ferry-roro', 'ferry-ropax', 'sea-container-feeder',
        'sea-container-large', 'iww-barge'}
PASSAGES = {'suez', 'babelmandeb', 'bosporus', 'dardanelles', 'hormuz', 'gibraltar', 'malacca', 'panama', 'kiel',
            'dover'}
CLASSES = {'rail1520', 'rail1435', 'rail1668', 'road', 'ferry', 'sea', 'iww'}
ID_RE = re.compile(r'^[A-Z0-9-]+$')
DATE_RE = re.compile(r'^(\d{4}(-\d{2}(-\d{2})?)?|n\.d\.)$')
RANGE_RE = re.compile(r'^([a-z_]+)=(-?[0-9.]+)\.\.(-?[0-9.]+)$')

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def read(dirname, name):
    path = os.path.join(dirname, name)
    with open(path, encoding='utf-8', newline='') as f:
        lines = [line for line in f if not line.startswith('#')]
    reader = csv.reader(lines)
    header = next(reader)
    if header != COLUMNS[name]:
        err('%s: header %r != spec %r' % (name, header, COLUMNS[name]))
    rows = []
    for i, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            err('%s line %d: %d cells, header has %d' % (name, i, len(cells), len(header)))
        rows.append(dict(zip(header, cells)))
    return rows


def num(name, row, col, where):
    v = row.get(col, '')
    if v == '':
        return None
    try:
        return float(v)
    except ValueError:
        err('%s %s: %s=%r is not a number' % (name, where, col, v))
        return None


def check_sources(name, rows, source_ids, key):
    for r in rows:
        where = r.get(key, '?')
        for col, group in NUMERIC[name].items():
            if r.get(col, '') == '':
                continue
            src = (r.get(group) if group else '') or r.get('source', '')
            if not src:
                err('%s %s: %s=%s has no source' % (name, where, col, r[col]))
        for col in COLUMNS[name]:
            if (col == 'source' or col.endswith('_source')) and r.get(col):
                for sid in r[col].split('+'):
                    if sid not in source_ids:
                        err('%s %s: %s id %r not in sources.csv' % (name, where, col, sid))
        if r.get('range'):
            for item in r['range'].split(';'):
                m = RANGE_RE.match(item.strip())
                if not m:
                    err('%s %s: bad range item %r' % (name, where, item))
                elif m.group(1) not in COLUMNS[name]:
                    err('%s %s: range field %r is not a column' % (name, where, m.group(1)))
                elif float(m.group(2)) > float(m.group(3)):
                    err('%s %s: range %r low > high' % (name, where, item))


def link_class(l):
    if l['mode'] == 'rail':
        return 'rail' + l['gauge']
    return l['mode']


def main(dirname):
    sources = read(dirname, 'sources.csv')
    nodes = read(dirname, 'nodes.csv')
    links = read(dirname, 'links.csv')
    transfers = read(dirname, 'transfers.csv')
    services = read(dirname, 'services.csv')

    source_ids = set()
    for s in sources:
        if s['id'] in source_ids:
            err('sources.csv: duplicate id %s' % s['id'])
        source_ids.add(s['id'])
        if not DATE_RE.match(s['date']):
            err('sources.csv %s: bad date %r' % (s['id'], s['date']))
        for c in ('title', 'publisher', 'url', 'licence'):
            if not s[c]:
                err('sources.csv %s: empty %s' % (s['id'], c))

    # nodes
    N = {}
    for n in nodes:
        if not ID_RE.match(n['id']):
            err('nodes.csv: bad id %r' % n['id'])
        if n['id'] in N:
            err('nodes.csv: duplicate id %s' % n['id'])
        N[n['id']] = n
        if n['kind'] not in KINDS:
            err('nodes.csv %s: bad kind %r' % (n['id'], n['kind']))
        if not re.match(r'^[A-Z]{2}$', n['country']):
            err('nodes.csv %s: bad country %r' % (n['id'], n['country']))
        lat, lon = num('nodes.csv', n, 'lat', n['id']), num('nodes.csv', n, 'lon', n['id'])
        if lat is None or lon is None:
            err('nodes.csv %s: missing lat/lon' % n['id'])
        else:
            if not -90 <= lat <= 90 or not -180 <= lon <= 180:
                err('nodes.csv %s: lat/lon out of range' % n['id'])
        for c in ('dwell_h', 'dwell_sd_h', 'dwell_out_h', 'dwell_out_sd_h', 'handling_h', 'handling_usd_teu',
                  'capacity_teu_day'):
            v = num('nodes.csv', n, c, n['id'])
            if v is not None and v < 0:
                err('nodes.csv %s: negative %s' % (n['id'], c))
        if n['kind'] in ('border', 'gauge_change') and n['dwell_h'] == '' and not any(
                t['node'] == n['id'] for t in transfers):
            warnings.append('border/gauge-change node %s has neither dwell nor transfer' % n['id'])
    check_sources('nodes.csv', nodes, source_ids, 'id')
    countries = {n['country'] for n in nodes}

    # links
    L = {}
    for l in links:
        lid = l['id']
        if not re.match(r'^[A-Za-z0-9_.-]+$', lid):
            err('links.csv: bad id %r' % lid)
        if lid in L:
            err('links.csv: duplicate id %s' % lid)
        L[lid] = l
        for end in ('from', 'to'):
            if l[end] not in N:
                err('links.csv %s: unknown node %s' % (lid, l[end]))
        if l['mode'] not in MODES:
            err('links.csv %s: bad mode %r' % (lid, l['mode']))
        if l['toc'] not in TOCS:
            err('links.csv %s: bad or missing toc %r' % (lid, l['toc']))
        if l['directed'] not in ('', 'true', 'false'):
            err('links.csv %s: bad directed' % lid)
        if l['mode'] == 'rail':
            if l['gauge'] not in ('1520', '1435', '1668'):
                err('links.csv %s: rail link needs gauge 1520/1435/1668' % lid)
            if l['electrified'] not in ('true', 'false'):
                err('links.csv %s: rail link needs electrified' % lid)
            if l['track'] not in ('single', 'double'):
                err('links.csv %s: rail link needs track' % lid)
            want = 'rail-electric' if l['electrified'] == 'true' else 'rail-diesel'
            if l['toc'] != want:
                err('links.csv %s: toc %s but electrified=%s' % (lid, l['toc'], l['electrified']))
        if l['mode'] == 'ferry':
            if l['ferry_type'] not in ('rail', 'roro'):
                err('links.csv %s: ferry needs ferry_type rail/roro' % lid)
            if l['ferry_type'] == 'rail' and l['gauge'] not in ('1520', '1435'):
                err('links.csv %s: rail ferry needs gauge' % lid)
        if l['mode'] == 'road' and l['toc'] != 'road-hgv':
            err('links.csv %s: road toc' % lid)
        if l['mode'] == 'sea' and l['toc'] not in ('sea-container-feeder', 'sea-container-large'):
            err('links.csv %s: sea toc' % lid)
        if l['mode'] == 'ferry' and l['toc'] not in ('ferry-roro', 'ferry-ropax'):
            err('links.csv %s: ferry toc' % lid)
        for c in ('distance_km', 'duration_h', 'duration_sd_h', 'tariff_usd_teu'):
            v = num('links.csv', l, c, lid)
            if v is None:
                err('links.csv %s: %s missing' % (lid, c))
            elif v < 0 or (c in ('distance_km', 'duration_h') and v <= 0):
                err('links.csv %s: %s=%s must be > 0' % (lid, c, v))
        cs = [c for c in l['countries'].split(';') if c]
        for c in cs:
            if not re.match(r'^[A-Z]{2}$', c):
                err('links.csv %s: bad country %r' % (lid, c))
        for end in ('from', 'to'):
            if l[end] in N and N[l[end]]['country'] not in cs:
                err('links.csv %s: countries %s lack %s country %s' % (lid, l['countries'], end, N[l[end]]['country']))
        if cs and l['from'] in N and l['to'] in N and (cs[0] != N[l['from']]['country'] or cs[-1] != N[l['to']]['country']):
            err('links.csv %s: countries %s not in travel order' % (lid, l['countries']))
        for p in [p for p in l['passages'].split(';') if p]:
            if p not in PASSAGES:
                err('links.csv %s: unknown passage %r' % (lid, p))
    check_sources('links.csv', links, source_ids, 'id')
    S = {}
    for s in services:
        if s['id'] in S:
            err('services.csv: duplicate id %s' % s['id'])
        S[s['id']] = s
        if s['link'] not in L:
            err('services.csv %s: unknown link %s' % (s['id'], s['link']))
        if s['kind'] not in ('frequency', 'timetable'):
            err('services.csv %s: bad kind' % s['id'])
        if s['kind'] == 'frequency' and not s['departures_per_week']:
            err('services.csv %s: frequency without departures_per_week' % s['id'])
        if s['kind'] == 'timetable' and not s['timetable']:
            err('services.csv %s: timetable missing' % s['id'])
    check_sources('services.csv', services, source_ids, 'id')
    for l in links:
        if l['service'] and l['service'] not in S:
            err('links.csv %s: unknown service %s' % (l['id'], l['service']))
        if l['mode'] in ('ferry',) or l['toc'] == 'sea-container-feeder':
            if not l['service'] and not any(s['link'] == l['id'] for s in services):
                err('links.csv %s: ferry/feeder link without a service row' % l['id'])

    # transfers
    allowed = set()
    for t in transfers:
        if t['node'] not in N:
            err('transfers.csv: unknown node %s' % t['node'])
        for c in ('from_class', 'to_class'):
            if t[c] not in CLASSES:
                err('transfers.csv %s: bad class %r' % (t['node'], t[c]))
        if t['from_class'] == t['to_class'] and t['from_class'] != 'sea':
            err('transfers.csv %s: a transfer joins two different carrier classes (or sea to sea: a '
                'transshipment)' % t['node'])
        allowed.add((t['node'], t['from_class'], t['to_class']))
        allowed.add((t['node'], t['to_class'], t['from_class']))
    check_sources('transfers.csv', transfers, source_ids, 'node')
    incident = {}
    for l in links:
        for end in ('from', 'to'):
            incident.setdefault(l[end], set()).add(link_class(l))
    for n, cs in sorted(incident.items()):
        cs = sorted(cs)
        for i, a in enumerate(cs):
            for b in cs[i + 1:]:
                if (n, a, b) not in allowed:
                    msg = 'node %s has %s and %s links but no transfer row' % (n, a, b)
                    (warnings if {a, b} == {'ferry', 'sea'} else errors).append(msg)

    # counts
    print('nodes: %d   links: %d   transfers: %d   services: %d   sources: %d' % (
        len(nodes), len(links), len(transfers), len(services), len(sources)))
    print('node countries (%d): %s' % (len(countries), ' '.join(sorted(countries))))
    if len(nodes) < 90:
        err('fewer than 90 nodes')
    if len(countries) < 14:
        err('fewer than 14 node countries')
    for n in N:
        if n not in incident:
            err('node %s is not on any link' % n)

    # connectivity (undirected)
    adj = {n: set() for n in N}
    for l in links:
        if l['from'] in N and l['to'] in N:
            adj[l['from']].add(l['to'])
            adj[l['to']].add(l['from'])
    seen, stack = set(), [next(iter(N))]
    while stack:
        v = stack.pop()
        if v in seen:
            continue
        seen.add(v)
        stack.extend(adj[v] - seen)
    comps = 1 if len(seen) == len(N) else None
    if len(seen) != len(N):
        err('graph is not connected: %d of %d nodes reachable from %s; unreachable e.g. %s' % (
            len(seen), len(N), next(iter(N)), sorted(set(N) - seen)[:10]))
    print('connected components: %s' % (comps or '>1'))

    # corridor routes
    def route(a, b, node_ok=lambda n: True, link_ok=lambda l: True):
        """Dijkstra on (node, class) by distance, class changes only where a transfer row allows it."""
        out = {}
        for l in links:
            if l.get('status', '') == 'planned' or not link_ok(l) or not node_ok(N[l['from']]) or not node_ok(N[l['to']]):
                continue
            c = link_class(l)
            out.setdefault(l['from'], []).append((l['to'], c, float(l['distance_km']), l))
            if l['directed'] != 'true':
                out.setdefault(l['to'], []).append((l['from'], c, float(l['distance_km']), l))
        heap, best, prev = [], {}, {}
        for (nb, c, d, l) in out.get(a, []):
            heapq.heappush(heap, (d, nb, c, l['id'], (a, None), l))
        while heap:
            d, v, c, _, p, l = heapq.heappop(heap)
            if (v, c) in best:
                continue
            best[(v, c)] = d
            prev[(v, c)] = (p, l)
            if v == b:
                path, key = [], (v, c)
                while key[1] is not None:
                    (pk, pl) = prev[key]
                    path.append(pl)
                    key = pk
                return d, list(reversed(path))
            for (nb, c2, dd, l2) in out.get(v, []):
                # A change of class, or of ship (two sailings in a row), needs a transfer row.
                if c is not None and (c2 != c or c2 == 'sea') and (v, c, c2) not in allowed:
                    continue
                if (nb, c2) not in best:
                    heapq.heappush(heap, (d + dd, nb, c2, l2['id'], (v, c), l2))
        return None

    def countries_of(path):
        out = []
        for l in path:
            for c in l['countries'].split(';'):
                if c and c not in out:
                    out.append(c)
        return out

    not_c = lambda bad: (lambda n: n['country'] not in bad)
    link_not_c = lambda bad, modes=None: (lambda l: not (set(l['countries'].split(';')) & bad) and
                                          (modes is None or l['mode'] in modes) and
                                          (modes is None or l['mode'] != 'ferry' or 'roro' in modes
                                           or l['ferry_type'] == 'rail'))
    XIAN, DUI = 'CNXIA', 'DEDUI'
    tests = [
        ('Middle Corridor, Caspian + Georgia + Black Sea', XIAN, DUI, {'RU', 'BY', 'MN', 'TM', 'IR', 'TR'}, None,
         {'AZ', 'GE'}),
        # rail ferries only (no Black Sea Ro-Ro), no sea links: the western exit must be BTK + Turkiye
        ('Middle Corridor, Caspian + BTK + Turkiye', XIAN, DUI, {'RU', 'BY', 'MN', 'TM', 'IR'}, {'rail', 'ferry', 'road'},
         {'AZ', 'GE', 'TR'}),
        ('Northern route RU/BY/PL', XIAN, DUI, {'AZ', 'GE', 'TR', 'TM', 'IR'}, {'rail', 'road'}, {'RU', 'BY', 'PL'}),
        ('Southern route TM/IR/TR', XIAN, DUI, {'RU', 'BY', 'MN', 'AZ', 'GE'}, {'rail', 'road', 'ferry', 'roro'},
         {'TM', 'IR', 'TR'}),
        ('avoiding RU and BY', XIAN, DUI, {'RU', 'BY'}, None, set()),
        ('Shanghai -> Rotterdam by sea', 'CNSHA', 'NLRTM', set(), {'sea'}, set()),
    ]
    for name, a, b, bad, modes, must in tests:
        r = route(a, b, not_c(bad), link_not_c(bad, modes))
        if r is None:
            err('no route %s -> %s (%s)' % (a, b, name))
            continue
        d, path = r
        cs = countries_of(path)
        if not must <= set(cs):
            err('route %s (%s) does not pass %s: %s' % (name, a + '->' + b, sorted(must - set(cs)), cs))
        hops = [path[0]['from'] if path[0]['from'] == a else path[0]['to']]
        for l in path:
            hops.append(l['to'] if l['from'] == hops[-1] else l['from'])
        print('OK %-48s %6.0f km  %s' % (name, d, '-'.join(cs)))
        print('   ' + ' > '.join(hops))

    for w in warnings:
        print('warning:', w)
    for e in errors:
        print('ERROR:', e)
    print('%d error(s), %d warning(s)' % (len(errors), len(warnings)))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR))
