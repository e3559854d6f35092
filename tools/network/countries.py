#!/usr/bin/env python3
"""Writes data/geo/countries.geojson: the Natural Earth 1:110m country polygons (public domain) of Europe, Asia
and North Africa, keyed by ISO 3166-1 alpha-2, coordinates rounded to 0.001 deg (about 100 m, far below the
1:110m generalisation). Caravan uses it to tell which countries a road access leg to or from coordinates
crosses (org.caravan.network.Countries).

Usage: tools/network/countries.py [../shared/data/countries/ne_110m_admin_0_countries.json]
"""
import json
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/countries/ne_110m_admin_0_countries.json"
OUT = "data/geo/countries.geojson"
# Natural Earth gives ISO_A2 = -99 for these (data/README of ../shared); their ISO codes.
FALLBACK = {"FRA": "FR", "NOR": "NO", "CYN": "CY", "SOL": "SO", "KOS": "XK"}
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = -32.0, 180.0, -5.0, 84.0


def rnd(c):
    if isinstance(c[0], (int, float)):
        return [round(c[0], 3), round(c[1], 3)]
    return [rnd(x) for x in c]


def bbox(c, acc):
    if isinstance(c[0], (int, float)):
        acc.append(c)
    else:
        for x in c:
            bbox(x, acc)
    return acc


def main():
    data = json.load(open(SRC, encoding="utf-8"))
    out = []
    for f in data["features"]:
        p = f["properties"]
        code = p.get("ISO_A2")
        if code in (None, "-99"):
            code = FALLBACK.get(p["ADM0_A3"])
        if code is None:
            continue
        pts = bbox(f["geometry"]["coordinates"], [])
        lons = [x[0] for x in pts]
        lats = [x[1] for x in pts]
        if max(lons) < LON_MIN or min(lons) > LON_MAX or max(lats) < LAT_MIN or min(lats) > LAT_MAX:
            continue
        g = f["geometry"]
        out.append({"type": "Feature", "properties": {"iso_a2": code, "name": p["NAME"]},
                    "geometry": {"type": g["type"], "coordinates": rnd(g["coordinates"])}})
    out.sort(key=lambda f: f["properties"]["iso_a2"])
    doc = {"type": "FeatureCollection",
           "source": "Natural Earth 1:110m Admin 0 countries (public domain), via tools/network/countries.py",
           "features": out}
    with open(OUT, "w", encoding="utf-8") as w:
        json.dump(doc, w, ensure_ascii=False, separators=(",", ":"))
        w.write("\n")
    print(f"{OUT}: {len(out)} countries")


if __name__ == "__main__":
    main()
