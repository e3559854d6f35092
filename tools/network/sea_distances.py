#!/usr/bin/env python3
"""Sea distances for the default Caravan network, computed on the marnet sea-lane network.

Standard library only.  Reads ../shared/data/sea/marnet_searoute.geojson (searoute-py, Apache-2.0;
derived from Eurostat marnet, EUPL-1.2), builds an undirected graph of its LineStrings (edge length =
haversine distance in km), snaps each port to the nearest marnet vertex and runs Dijkstra.

* The Volga segment that joins the Caspian Sea to the Sea of Azov (it passes near 46.87 E, 47.43 N) is cut,
  so Caspian routes stay in the Caspian and no sea route uses the Volga.
* Every tagged passage (`properties.passage`) on the shortest path is reported, mapped to the names of
  docs/NETWORK-FORMAT.md (babalmandab -> babelmandeb, ormuz -> hormuz, ...).  The Strait of Dover is not
  tagged in marnet; it is detected by a bounding box and reported as `dover`.
* `--avoid suez,babelmandeb` excludes edges tagged with those passages (alternative variants, e.g. the
  Cape route).

Usage:
  python3 tools/network/sea_distances.py            # table for every sea/ferry link in data/network/links.csv
  python3 tools/network/sea_distances.py --check    # also compare with distance_km in links.csv (exit 1 if >1 %)
  python3 tools/network/sea_distances.py --avoid suez,babelmandeb CNSHA NLRTM   # one pair, by node id
"""
import csv
import heapq
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
MARNET = os.path.normpath(os.path.join(ROOT, '..', 'shared', 'data', 'sea', 'marnet_searoute.geojson'))
NETWORK = os.path.join(ROOT, 'data', 'network')

# marnet tag -> spec name (None = tag not in the spec list, reported in the table only)
PASSAGE_NAMES = {
    'suez': 'suez', 'babalmandab': 'babelmandeb', 'bosporus': 'bosporus', 'dardanelles': 'dardanelles',
    'ormuz': 'hormuz', 'gibraltar': 'gibraltar', 'malacca': 'malacca', 'panama': 'panama',
    'kiel': 'kiel', 'dover': 'dover',
    'south_africa': None, 'northwest': None, 'bering': None, 'chili': None, 'sunda': None,
}
# The Volga link Caspian <-> Azov: drop every feature with a vertex within this radius of the point.
VOLGA_POINT = (46.87, 47.43)   # lon, lat
VOLGA_RADIUS_KM = 60.0
DOVER_BOX = (0.8, 50.6, 2.2, 51.35)   # lon_min, lat_min, lon_max, lat_max
# marnet tags the whole Sea of Marmara as 'dardanelles'; count it only when the strait itself is sailed.
STRAIT_BOX = {'dardanelles': (25.9, 39.9, 26.9, 40.5)}
# Arctic passages are not commercial container routes for this network: never used.
ALWAYS_AVOID = ('northwest', 'bering')
SNAP_LIMIT_KM = 100.0           # a port farther than this from marnet is "not on marnet" (e.g. Lake Van)
KNOT_KMH = 1.852


def haversine(lon1, lat1, lon2, lat2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _norm_lon(lon):
    while lon >= 180.0:
        lon -= 360.0
    while lon < -180.0:
        lon += 360.0
    return lon


def _key(c):
    return (round(_norm_lon(c[0]), 6), round(c[1], 6))


class Marnet:
    def __init__(self, path=MARNET):
        with open(path, encoding='utf-8') as f:
            data = json.load(f)
        self.adj = {}          # vertex -> list of (neighbour, km, passage)
        self.cut = []
        for i, feat in enumerate(data['features']):
            geom = feat['geometry']
            lines = geom['coordinates'] if geom['type'] == 'MultiLineString' else [geom['coordinates']]
            if any(haversine(c[0], c[1], *VOLGA_POINT) < VOLGA_RADIUS_KM for ln in lines for c in ln):
                self.cut.append(i)
                continue
            passage = (feat.get('properties') or {}).get('passage')
            for ln in lines:
                for a, b in zip(ln, ln[1:]):
                    ka, kb = _key(a), _key(b)
                    if ka == kb:
                        continue
                    d = haversine(a[0], a[1], b[0], b[1])
                    self.adj.setdefault(ka, []).append((kb, d, passage))
                    self.adj.setdefault(kb, []).append((ka, d, passage))
        self.vertices = list(self.adj)

    def snap(self, lon, lat):
        best, bd = None, float('inf')
        for v in self.vertices:
            if abs(v[1] - lat) > 8:
                continue
            d = haversine(lon, lat, v[0], v[1])
            if d < bd:
                best, bd = v, d
        return best, bd

    def route(self, a, b, avoid=()):
        """a, b: (lon, lat). Returns dict with km (lane + snap legs), passages, snap distances."""
        va, da = self.snap(*a)
        vb, db = self.snap(*b)
        avoid_tags = {t for t, n in PASSAGE_NAMES.items() if n in avoid or t in avoid} | set(ALWAYS_AVOID)
        dist, prev = {va: 0.0}, {}
        heap = [(0.0, va)]
        while heap:
            d, v = heapq.heappop(heap)
            if v == vb:
                break
            if d > dist.get(v, float('inf')):
                continue
            for w, km, tag in self.adj[v]:
                if tag in avoid_tags:
                    continue
                nd = d + km
                if nd < dist.get(w, float('inf')):
                    dist[w] = nd
                    prev[w] = (v, tag)
                    heapq.heappush(heap, (nd, w))
        if vb not in dist:
            return None
        tags, v, path = [], vb, [vb]
        while v != va:
            w = v
            v, tag = prev[v]
            path.append(v)
            box = STRAIT_BOX.get(tag)
            if box and not any(box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3] for p in (v, w)):
                tag = None
            if tag and tag not in tags:
                tags.append(tag)
        path.reverse()
        tags.reverse()
        names = []
        for t in tags:
            n = PASSAGE_NAMES.get(t, t)
            if n and n not in names:
                names.append(n)
        if any(DOVER_BOX[0] <= p[0] <= DOVER_BOX[2] and DOVER_BOX[1] <= p[1] <= DOVER_BOX[3] for p in path):
            if 'dover' not in names:
                names.append('dover')
        unmapped = [t for t in tags if PASSAGE_NAMES.get(t, t) is None]
        return {'lane_km': dist[vb], 'km': dist[vb] + da + db, 'snap_a_km': da, 'snap_b_km': db,
                'passages': names, 'unmapped': unmapped}


def read_csv(name):
    with open(os.path.join(NETWORK, name), encoding='utf-8', newline='') as f:
        return [r for r in csv.DictReader(line for line in f if not line.startswith('#'))]


def main(argv):
    avoid = ()
    check = False
    args = []
    it = iter(argv)
    for a in it:
        if a == '--avoid':
            avoid = tuple(next(it).split(','))
        elif a == '--check':
            check = True
        else:
            args.append(a)
    net = Marnet()
    print('cut marnet feature(s) (Volga link):', net.cut)
    nodes = {r['id']: r for r in read_csv('nodes.csv')}
    if args:
        pairs = [(None, args[0], args[1], None, None)]
    else:
        pairs = [(r['id'], r['from'], r['to'], r['distance_km'], r['passages'])
                 for r in read_csv('links.csv') if r['mode'] in ('sea', 'ferry')]
    bad = 0
    print('%-34s %-9s %-9s %9s %7s %8s %8s %-36s %s' % ('link', 'from', 'to', 'km', 'nm', 'days@15kn',
                                                        'snap km', 'passages', 'links.csv'))
    for lid, fa, fb, csv_km, csv_pass in pairs:
        na, nb = nodes[fa], nodes[fb]
        a = (float(na['lon']), float(na['lat']))
        b = (float(nb['lon']), float(nb['lat']))
        r = net.route(a, b, avoid)
        if r is None:
            print('%-34s %-9s %-9s  no route' % (lid, fa, fb))
            continue
        if max(r['snap_a_km'], r['snap_b_km']) > SNAP_LIMIT_KM:
            print('%-34s %-9s %-9s  not on marnet (snap %.0f/%.0f km)' % (lid, fa, fb, r['snap_a_km'], r['snap_b_km']))
            continue
        km = r['km']
        flag = ''
        if csv_km:
            diff = abs(float(csv_km) - km) / km
            flag = '%s km %s' % (csv_km, 'OK' if diff <= 0.01 else 'DIFF')
            if diff > 0.01:
                bad += 1
            if (csv_pass or '') != ';'.join(r['passages']):
                flag += ' passages %r' % csv_pass
                bad += 1
        print('%-34s %-9s %-9s %9.0f %7.0f %8.1f %4.0f/%-3.0f %-36s %s%s' % (
            lid, fa, fb, km, km / KNOT_KMH, km / (15 * KNOT_KMH) / 24, r['snap_a_km'], r['snap_b_km'],
            ';'.join(r['passages']), flag, (' unmapped:' + ','.join(r['unmapped'])) if r['unmapped'] else ''))
    if check and bad:
        print('%d mismatches' % bad)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
