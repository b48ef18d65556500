#!/usr/bin/env python3
"""Turns JMH JSON results into the ratio table of docs/performance.md.

Each per-CPU benchmark is divided by the baseline it competes with, measured in the same run and
at the same thread count, so machine speed cancels out. Usage: summarize.py threads-*.json
"""
import json
import sys

# benchmark -> the baseline it is compared with (same class, same run).
BASELINES = {
    "perCpuWith": ["longAdder", "perCpuWithUnchecked"],
    "perCpuGuardTokenWith": ["longAdder"],
    "perCpuCounterIncrement": ["longAdder"],
    "perCpuWithUnchecked": ["longAdder"],
    "perCpuWithFourFields": ["fourLongAdders"],
    "atomicLong": ["longAdder"],
    "synchronizedCounter": ["longAdder"],
}


def short(name):
    return name.rsplit(".", 1)[-1]


def main(paths):
    rows = []
    for path in paths:
        with open(path) as f:
            results = json.load(f)
        by_name = {}
        for r in results:
            name = short(r["benchmark"])
            pm = r["primaryMetric"]
            alloc = r.get("secondaryMetrics", {}).get("·gc.alloc.rate.norm", {}).get("score")
            by_name[name] = (r["threads"], pm["score"], pm["scoreError"], pm["scoreUnit"], alloc)
        for name, (threads, score, err, unit, alloc) in sorted(by_name.items()):
            ratio = ", ".join(
                "%.2f× %s" % (score / by_name[base][1], base)
                for base in BASELINES.get(name, [])
                if base in by_name)
            alloc_s = "" if alloc is None else "%.1f" % alloc
            rows.append((threads, name, "%.1f ± %.1f" % (score, err), unit, alloc_s, ratio))
    print("| threads | benchmark | throughput | unit | B/op | ratio to baseline |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in sorted(rows):
        print("| %s | %s | %s | %s | %s | %s |" % row)


if __name__ == "__main__":
    main(sys.argv[1:])
