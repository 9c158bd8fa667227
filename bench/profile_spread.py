#!/usr/bin/env python3
"""How far apart the tone profiles of two parts of one story fall, against
those of two different stories: the reference behind the README's "How far
to trust it" for storylens compare.

    storylens label ../shared/corpus/novels --format csv > novels.csv
    python3 bench/profile_spread.py novels.csv

A profile is the share of a run of paragraphs in each tone (the top label,
as compare's `paragraphs` profile; the tones are those the CSV holds); the
distance is compare's Jensen-Shannon distance (base 2, square root: 0 same,
1 disjoint). For runs of 30, 100 and 300 paragraphs it compares adjacent
runs of one story (paragraphs 1-L with L+1-2L, 2L+1-3L with 3L+1-4L, ...)
and, for every pair of stories, a run of one with the run after it in the
other, at the same place (a place both stories reach, drawn at random with
a fixed seed), and prints the median, 90th and 95th percentiles of each.
"""
import csv
import math
import random
import sys
from collections import Counter


def profile(tones, labels):
    c = Counter(tones)
    n = sum(c[t] for t in labels) or 1
    return [c[t] / n for t in labels]


def js(p, q):
    d = 0.0
    for a, b in zip(p, q):
        m = (a + b) / 2
        if a > 0:
            d += a / 2 * math.log2(a / m)
        if b > 0:
            d += b / 2 * math.log2(b / m)
    return math.sqrt(max(0.0, d))


def summary(label, ds):
    ds = sorted(ds)
    n = len(ds)
    print(f"| {label} | {n} | {ds[n // 2]:.2f} | {ds[n * 9 // 10]:.2f} | {ds[n * 95 // 100]:.2f} |")


def main(path):
    stories = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            stories.setdefault(row["story"], []).append(row["tone"])
    labels = sorted({t for ts in stories.values() for t in ts if t})
    names = list(stories)
    rng = random.Random(1)
    print("| compared | pairs | median | 90th percentile | 95th percentile |")
    print("|---|---|---|---|---|")
    for L in (30, 100, 300):
        within = []
        for ts in stories.values():
            for s in range(0, len(ts) - 2 * L + 1, 2 * L):
                within.append(js(profile(ts[s:s + L], labels), profile(ts[s + L:s + 2 * L], labels)))
        between = []
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                a, b = stories[names[i]], stories[names[j]]
                places = range(0, min(len(a), len(b)) - 2 * L + 1, 2 * L)
                if places:
                    s = rng.choice(places)
                    between.append(js(profile(a[s:s + L], labels), profile(b[s + L:s + 2 * L], labels)))
        summary(f"two adjacent runs of {L} paragraphs of one story", within)
        summary(f"a run of {L} paragraphs of one story and the next run of another", between)
    whole = [profile(stories[n], labels) for n in names]
    summary("two whole stories", [js(whole[i], whole[j]) for i in range(len(whole)) for j in range(i + 1, len(whole))])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: profile_spread.py LABELS.csv (from storylens label --format csv)")
    main(sys.argv[1])
