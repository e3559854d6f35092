#!/usr/bin/env python3
"""How many published figures can the model meet with its estimated inputs anywhere inside their
recorded ranges?  A random search over those ranges, each sample scored by `caravan validate`.
Standard library only.

  python3 tools/validation/input_search.py [--samples N] [--seed S] [--replications R] [--keep DIR]

The inputs searched, each over the range the repository records for it:

* the Kazakh inbound rail border dwell at Dostyk and Altynkol, one value for both (nodes.csv `range`
  of KZ-DOSTYK, CPMM20KZ..CPMM22KZ), and the outbound dwell (same column);
* the Małaszewicze gauge-change dwell (nodes.csv `range` of PLMAA, RAILTECH18);
* the Black Sea feeder sailing Poti/Batumi -> Constanța (links.csv `range` of GEPTI-ROCND-sea and
  GEBUS-ROCND-sea, RWPRO-GRAMPET..MC-FEEDER19);
* the Caspian ferry handling, low-water derating and departure timetable that `caravan calibrate`
  fits (the ranges its header in data/scenarios/default-2024-calibrated.yaml records);
* the wagonload speed of Kazakh rail shipments, 8.9..15.3 km/h (CPMM22KZ, 2020-2022).

Sample 0 is the calibrated scenario as it stands.  Every sample is one `caravan validate --json`
run with its own scenario file, network overlay and wait table; they live in a temporary directory
that is removed at the end unless --keep names a new directory to keep them in.  The script prints
one JSON line per sample and a summary: the most rows within, where that was reached, and the rows
that no sample brought within.
"""
import argparse
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
SCENARIO = os.path.join(ROOT, 'data', 'scenarios', 'default-2024-calibrated.yaml')
NETWORK = os.path.join(ROOT, 'data', 'network')
WAGONLOAD_KMH = (8.9, 15.3)  # CPMM22KZ: speed with delay of Kazakh rail shipments, 2021 and 2020


def recorded_range(file, row_id, field):
    """The `field=low..high` item of a row's `range` cell in data/network/<file>."""
    with open(os.path.join(NETWORK, file), newline='', encoding='utf-8') as f:
        for row in csv.DictReader(line for line in f if not line.startswith('#')):
            if row['id'] == row_id:
                for item in row['range'].split(';'):
                    name, _, bounds = item.partition('=')
                    if name.strip() == field:
                        low, high = bounds.split('..')
                        return float(low), float(high)
    sys.exit('%s: no range for %s %s' % (file, row_id, field))


def calibrated_ranges(text):
    """The ranges the calibrated scenario's header records, by parameter name."""
    ranges = {}
    for m in re.finditer(r'(?m)^# (network\.\S+): \S+ \(was \S+; range ([0-9.]+)\.\.([0-9.]+),', text):
        ranges[m.group(1)] = (float(m.group(2)), float(m.group(3)))
    return ranges


def set_field(text, section, keys, field, value):
    """The scenario text with `field` set in the items of list `section` whose key is in `keys`.

    A line-based edit of the file `caravan calibrate` writes (two-space indents, one item per `- `);
    it fails loudly when it changes fewer items than asked, so a changed layout cannot go unnoticed.
    """
    out, in_section, current, changed = [], False, None, set()
    for line in text.split('\n'):
        if re.match(r'^(?:  )?[a-z_]+:', line):
            in_section = line.strip() == section + ':'
        elif in_section:
            item = re.match(r'^  - (?:node|link): "?([^"]+)"?$', line)
            if item:
                current = item.group(1)
            elif current in keys and re.match(r'^    %s: ' % field, line):
                line = '    %s: %s' % (field, value)
                changed.add(current)
        out.append(line)
    if changed != set(keys):
        sys.exit('%s: %s not set for %s' % (SCENARIO, field, sorted(set(keys) - changed)))
    return '\n'.join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--samples', type=int, default=60)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--replications', type=int)
    ap.add_argument('--keep', help='a new directory to keep the samples in')
    args = ap.parse_args()
    if args.keep and os.path.exists(args.keep):
        sys.exit('--keep %s: exists; name a new directory' % args.keep)

    base = open(SCENARIO, encoding='utf-8').read()
    cal = calibrated_ranges(base)
    ferries = ['KZKUR-AZ-ALAT-ferry', 'KZAAU-AZ-ALAT-ferry']
    ship_prefix = 'network.crossings[%s]' % ','.join(ferries)
    space = {
        'kz_dwell_h': recorded_range('nodes.csv', 'KZ-DOSTYK', 'dwell_h'),
        'kz_dwell_out_h': recorded_range('nodes.csv', 'KZ-DOSTYK', 'dwell_out_h'),
        'plmaa_dwell_h': recorded_range('nodes.csv', 'PLMAA', 'dwell_h'),
        'black_sea_sail_h': recorded_range('links.csv', 'GEBUS-ROCND-sea', 'duration_h'),
        'ferry_handling_h': cal[ship_prefix + '.handling_h'],
        'ferry_derating': cal[ship_prefix + '.low_water_derating'],
        'ferry_timetable_h': cal[ship_prefix + '.timetable_h'],
        'wagonload_speed_kmh': WAGONLOAD_KMH,
    }
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix='caravan-input-search-')
    best, ever, results = None, set(), []
    try:
        for i in range(args.samples + 1):
            sample = os.path.join(work, 's%03d' % i)
            os.makedirs(os.path.join(sample, 'overlay'))
            if i == 0:
                scenario, p = base, {}
            else:
                p = {k: round(rng.uniform(lo, hi), 3) for k, (lo, hi) in space.items()}
                scenario = set_field(base, 'borders', {'KZ-DOSTYK', 'KZHOR'}, 'dwell_h', p['kz_dwell_h'])
                for field, key in (('handling_h', 'ferry_handling_h'), ('low_water_derating', 'ferry_derating'),
                                   ('timetable_h', 'ferry_timetable_h')):
                    scenario = set_field(scenario, 'crossings', set(ferries), field, p[key])
                scenario, n = re.subn(r'(?m)^(  wagonload_speed_kmh: ).*$',
                                      lambda m: m.group(1) + str(p['wagonload_speed_kmh']), scenario)
                if n != 1:
                    sys.exit('%s: no formation.wagonload_speed_kmh' % SCENARIO)
                with open(os.path.join(sample, 'overlay', 'links.csv'), 'w', encoding='utf-8') as f:
                    f.write('id,duration_h\nGEPTI-ROCND-sea,%s\nGEBUS-ROCND-sea,%s\n'
                            % (p['black_sea_sail_h'], p['black_sea_sail_h']))
                with open(os.path.join(sample, 'overlay', 'nodes.csv'), 'w', encoding='utf-8') as f:
                    f.write('id,dwell_h,dwell_out_h\nPLMAA,%s,\nKZ-DOSTYK,,%s\nKZHOR,,%s\n'
                            % (p['plmaa_dwell_h'], p['kz_dwell_out_h'], p['kz_dwell_out_h']))
            with open(os.path.join(sample, 'scenario.yaml'), 'w', encoding='utf-8') as f:
                f.write(scenario)
            cmd = [os.path.join(ROOT, 'caravan'), 'validate', '--json', '--scenario',
                   os.path.join(sample, 'scenario.yaml'), '--waits', os.path.join(sample, 'waits.csv')]
            if i > 0:
                cmd += ['--overlay', os.path.join(sample, 'overlay')]
            if args.replications:
                cmd += ['--replications', str(args.replications)]
            run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit('sample %d: caravan validate failed (exit %d): %s'
                         % (i, run.returncode, run.stderr.strip()[-800:]))
            report = json.loads(run.stdout)
            within = sorted(t['id'] for t in report['targets'] if t['verdict'] == 'within')
            row = dict(sample=i, inputs=p, within=len(within), validated=report['summary']['validated'],
                       flows_within_10pct=report['summary']['flows_router_within_10pct'], rows=within)
            print(json.dumps(row), flush=True)
            results.append(row)
            ever |= set(within)
            if best is None or row['within'] > best['within']:
                best = row
        validated = sorted(t['id'] for t in report['targets'] if t['verdict'] != 'input')
        print(json.dumps(dict(summary=True, samples=args.samples, seed=args.seed, space=space,
                              calibrated_within=results[0]['within'], best_within=best['within'],
                              best_sample=best['sample'], best_inputs=best['inputs'],
                              validated=len(validated), within_in_some_sample=sorted(ever),
                              never_within=[t for t in validated if t not in ever])), flush=True)
    finally:
        if args.keep:
            shutil.copytree(work, args.keep)
        shutil.rmtree(work)


if __name__ == '__main__':
    main()
