#!/usr/bin/env python3
"""Knee plot of sfu4j load runs: SVG, no dependencies beyond the standard library.

  python3 benchmarks/plot-knee.py OUT.svg benchmarks/results/{relay,engine,daemon}-p10-*.json

One series per mode (relay / engine / daemon), x = consumers. Three panels: forwarded packets
per second against the offered load, loss % (log scale, 1 % and 0.1 % marked) and p99
latency (log scale, 5 ms marked). When several runs share mode and consumers, the newest wins.
"""
import json
import math
import os
import sys

COLORS = {"relay": "#888888", "engine": "#1f77b4", "daemon": "#d62728", "storm": "#2ca02c"}
W, PANEL_H, LEFT, RIGHT, TOP, GAP = 760, 190, 70, 20, 40, 50


def load(paths):
    runs = {}
    for p in paths:
        with open(p) as f:
            d = json.load(f)
        key = (d["mode"], d["consumers"])
        if key not in runs or d["time"] > runs[key]["time"]:
            runs[key] = d
    series = {}
    for (mode, _), d in sorted(runs.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        series.setdefault(mode, []).append(d)
    return series


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, paths = sys.argv[1], sys.argv[2:]
    series = load(paths)
    xs = [d["consumers"] for s in series.values() for d in s]
    xmax = max(xs) * 1.05
    pps_per_consumer = next(iter(series.values()))[0]["expected"] / max(
        1, next(iter(series.values()))[0]["consumers"]) / next(iter(series.values()))[0]["duration_s"]
    panels = [
        ("pps_out (offered: dashed)", lambda d: d["pps_out"], False, None),
        ("loss %", lambda d: max(d["loss_pct"], 0.001), True, [(1.0, "1 %"), (0.1, "0.1 %")]),
        ("p99 latency ms", lambda d: max(d["p99_ms"], 0.01), True, [(5.0, "5 ms")]),
    ]
    h = TOP + len(panels) * (PANEL_H + GAP) + 20
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{h}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{W}" height="{h}" fill="white"/>',
           f'<text x="{LEFT}" y="20" font-size="14">sfu4j load: knee (consumers = P x S, '
           f'1 Mbit/s VP8 each)</text>']
    for i, (title, f, log, marks) in enumerate(panels):
        y0 = TOP + i * (PANEL_H + GAP)
        vals = [f(d) for s in series.values() for d in s]
        if title.startswith("pps"):
            vals.append(xmax * pps_per_consumer)
        lo, hi = (min(vals), max(vals)) if vals else (0, 1)
        if log:
            lo, hi = 10 ** math.floor(math.log10(lo)), 10 ** math.ceil(math.log10(hi))
            if marks:
                lo = min(lo, min(m for m, _ in marks) / 10)
                hi = max(hi, max(m for m, _ in marks) * 10)
        else:
            lo, hi = 0, hi * 1.1

        def sx(x):
            return LEFT + (W - LEFT - RIGHT) * x / xmax

        def sy(v):
            if log:
                t = (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
            else:
                t = (v - lo) / (hi - lo)
            return y0 + PANEL_H * (1 - t)

        svg.append(f'<rect x="{LEFT}" y="{y0}" width="{W - LEFT - RIGHT}" height="{PANEL_H}" '
                   f'fill="none" stroke="#ccc"/>')
        svg.append(f'<text x="{LEFT}" y="{y0 - 6}" font-weight="bold">{title}</text>')
        ticks = ([10 ** e for e in range(int(math.log10(lo)), int(math.log10(hi)) + 1)] if log
                 else [hi / 1.1 * k / 4 for k in range(5)])
        for t in ticks:
            label = f"{t:g}" if log else f"{t:,.0f}"
            svg.append(f'<line x1="{LEFT - 4}" x2="{LEFT}" y1="{sy(t):.1f}" y2="{sy(t):.1f}" '
                       f'stroke="#666"/><text x="{LEFT - 6}" y="{sy(t) + 4:.1f}" '
                       f'text-anchor="end">{label}</text>')
        for x in range(0, int(xmax) + 1, 100 if xmax > 300 else 20):
            svg.append(f'<text x="{sx(x):.1f}" y="{y0 + PANEL_H + 14}" text-anchor="middle">'
                       f'{x}</text>')
        for m, label in marks or []:
            svg.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{sy(m):.1f}" y2="{sy(m):.1f}" '
                       f'stroke="#e69f00" stroke-dasharray="4 3"/><text x="{W - RIGHT - 4}" '
                       f'y="{sy(m) - 3:.1f}" text-anchor="end" fill="#e69f00">{label}</text>')
        if title.startswith("pps"):
            svg.append(f'<line x1="{sx(0)}" y1="{sy(0)}" x2="{sx(xmax):.1f}" '
                       f'y2="{sy(xmax * pps_per_consumer):.1f}" stroke="#999" '
                       f'stroke-dasharray="2 3"/>')
        for mode, runs in series.items():
            c = COLORS.get(mode, "#000")
            pts = " ".join(f"{sx(d['consumers']):.1f},{sy(f(d)):.1f}" for d in runs)
            svg.append(f'<polyline points="{pts}" fill="none" stroke="{c}" stroke-width="2"/>')
            for d in runs:
                svg.append(f'<circle cx="{sx(d["consumers"]):.1f}" cy="{sy(f(d)):.1f}" r="3" '
                           f'fill="{c}"/>')
    for k, mode in enumerate(series):
        x = LEFT + 10 + k * 110
        svg.append(f'<rect x="{x}" y="{h - 16}" width="12" height="4" '
                   f'fill="{COLORS.get(mode, "#000")}"/><text x="{x + 16}" y="{h - 11}">{mode}'
                   f'</text>')
    svg.append(f'<text x="{W - RIGHT}" y="{h - 11}" text-anchor="end" fill="#666">consumers '
               f'(x axis); {os.path.basename(out)}</text></svg>')
    with open(out, "w") as f:
        f.write("\n".join(svg) + "\n")
    print(f"wrote {out}: " + ", ".join(f"{m} {len(r)} points" for m, r in series.items()))


if __name__ == "__main__":
    main()
