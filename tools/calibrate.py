#!/usr/bin/env python3
"""Per-outlet distribution of claimlens' article score and band on PolNeAR.

Usage (from the repo root, after `cargo build --release`):

    python3 tools/calibrate.py --cli target/release/claimlens \
        --articles .eval/polnear/data/train/text .eval/polnear/data/dev/text \
        [--svg docs/calibration.svg]

PolNeAR's files are named `<outlet>_<date>_<slug>.txt`; the outlet is the part
before the first `_`. Only the figures are printed (a Markdown table, a text
histogram per outlet, and the band shares); no article text is written out.
Never point it at PolNeAR's test split: that stays unseen.
"""
import argparse, json, os, subprocess, sys
from collections import defaultdict

BANDS = ["wellSourced", "mixed", "thinlySourced", "unsourced"]


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return 0
    k = (len(xs) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def run(cli, files):
    lines = []
    for i, f in enumerate(files):
        with open(f, encoding="utf-8", errors="replace") as fh:
            lines.append(json.dumps({"id": i, "text": fh.read()}))
    out = subprocess.run([cli, "analyze", "--jsonl"], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    reports = {}
    for line in out.splitlines():
        o = json.loads(line)
        reports[o["id"]] = o["report"]
    return [reports[i] for i in range(len(files))]


def svg(by_outlet, path):
    outlets = sorted(by_outlet)
    w, row, left = 640, 34, 110
    h = row * len(outlets) + 50
    x = lambda v: left + (w - left - 20) * v / 100
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">',
             f'<rect width="{w}" height="{h}" fill="#fff"/>']
    for t in range(0, 101, 10):
        parts.append(f'<line x1="{x(t):.1f}" y1="10" x2="{x(t):.1f}" y2="{h-30}" stroke="#ddd"/>')
        parts.append(f'<text x="{x(t):.1f}" y="{h-14}" text-anchor="middle">{t}</text>')
    for i, o in enumerate(outlets):
        s = by_outlet[o]["scores"]
        y = 20 + i * row
        parts.append(f'<text x="{left-8}" y="{y+14}" text-anchor="end">{o}</text>')
        q1, q2, q3 = pct(s, 25), pct(s, 50), pct(s, 75)
        p10, p90 = pct(s, 10), pct(s, 90)
        parts.append(f'<line x1="{x(p10):.1f}" y1="{y+10}" x2="{x(p90):.1f}" y2="{y+10}" stroke="#333"/>')
        parts.append(f'<rect x="{x(q1):.1f}" y="{y}" width="{max(x(q3)-x(q1),1):.1f}" height="20" fill="#9ecae1" stroke="#333"/>')
        parts.append(f'<line x1="{x(q2):.1f}" y1="{y}" x2="{x(q2):.1f}" y2="{y+20}" stroke="#000" stroke-width="2"/>')
    parts.append(f'<text x="{left}" y="{h-2}">article score: box = middle half, bar = median, whiskers = 10th to 90th percentile</text>')
    parts.append("</svg>")
    with open(path, "w") as fh:
        fh.write("\n".join(parts) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default="target/release/claimlens")
    ap.add_argument("--articles", nargs="+", required=True)
    ap.add_argument("--svg")
    a = ap.parse_args()
    for d in a.articles:
        if "test" in os.path.normpath(d).split(os.sep):
            sys.exit("refusing a test split: " + d)
    files = sorted(os.path.join(d, f) for d in a.articles for f in os.listdir(d) if f.endswith(".txt"))
    reports = run(a.cli, files)
    by = defaultdict(lambda: {"scores": [], "bands": defaultdict(int), "genres": defaultdict(int), "warn": 0})
    for f, r in zip(files, reports):
        o = os.path.basename(f).split("_")[0]
        s = r["summary"]
        by[o]["scores"].append(s["score"])
        by[o]["bands"][s.get("band", "?")] += 1
        by[o]["genres"][(s.get("genre") or {}).get("label", "?")] += 1
        by[o]["warn"] += bool(r.get("warnings"))
    allsc = [x for o in by for x in by[o]["scores"]]
    print(f"{len(files)} articles\n")
    print("| outlet | n | min | p10 | p25 | median | p75 | p90 | max | " + " | ".join(BANDS) + " |")
    print("|---|" + "---:|" * (8 + len(BANDS)))
    rows = sorted(by) + ["all"]
    for o in rows:
        s = allsc if o == "all" else by[o]["scores"]
        bands = defaultdict(int)
        for k in (by if o == "all" else [o]):
            for b, n in by[k]["bands"].items():
                bands[b] += n
        cells = [o, str(len(s)), str(min(s))] + [f"{pct(s, p):.0f}" for p in (10, 25, 50, 75, 90)] + [str(max(s))]
        cells += [f"{100*bands[b]/len(s):.0f}%" for b in BANDS]
        print("| " + " | ".join(cells) + " |")
    straight = ["nyt", "wash-post", "usa-today", "politico"]
    news = [sc for f, r in zip(files, reports) if os.path.basename(f).split("_")[0] in straight and r["summary"]["genre"]["label"] == "news" for sc in [r["summary"]["score"]]]
    top2 = [r["summary"]["band"] in ("wellSourced", "mixed") for f, r in zip(files, reports) if os.path.basename(f).split("_")[0] in straight and r["summary"]["genre"]["label"] == "news"]
    if news:
        print(f"\nStraight-news outlets ({', '.join(straight)}), pieces read as news: {len(news)}; "
              f"middle half {pct(news, 25):.0f}-{pct(news, 75):.0f}, median {pct(news, 50):.0f}; "
              f"in the top two bands {100 * sum(top2) / len(top2):.0f}%")
    print("\nGenres found (label: count), per outlet:")
    for o in sorted(by):
        print(f"- {o}: " + ", ".join(f"{g} {n}" for g, n in sorted(by[o]['genres'].items())) + f"; with warnings {by[o]['warn']}")
    print("\nHistogram of article scores, all outlets (each # = 4 articles):")
    for lo in range(0, 100, 10):
        n = sum(lo <= x < lo + 10 or (lo == 90 and x == 100) for x in allsc)
        print(f"{lo:3d}-{lo+9 if lo < 90 else 100:<3d} {n:4d} " + "#" * round(n / 4))
    if a.svg:
        svg(by, a.svg)
        print(f"\nwrote {a.svg}")


if __name__ == "__main__":
    main()
