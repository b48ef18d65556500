#!/usr/bin/env python3
"""Turns JMH JSON results into the ratio table of docs/performance.md, and checks issue 2's targets.

Each per-CPU benchmark is divided by the baseline it competes with, measured in the same run and
at the same thread count, so machine speed cancels out. Usage: summarize.py threads-*.json
"""
import json
import sys

# benchmark -> the baseline it is compared with (same class, same run).
BASELINES = {
    "perCpuWith": ["longAdder", "perCpuWithUnchecked"],
    "perCpuGuardTokenWith": ["longAdder"],
    "perCpuGuardCounterIncrement": ["longAdder"],
    "perCpuCounterIncrement": ["longAdder"],
    "perCpuWithUnchecked": ["longAdder"],
    "perCpuWithFourFields": ["fourLongAdders"],
    "atomicLong": ["longAdder"],
    "synchronizedCounter": ["longAdder"],
    "slotOnly": ["longAdder"],
    "stateSlotAndValue": ["longAdder"],
    "threadIdSlotAndValue": ["longAdder"],
    "threadIdSlotRecordAndValue": ["longAdder"],
    "slotAndStateLookup": ["longAdder"],
    "slotStateLookupAndDepth": ["longAdder"],
}


def short(name):
    return name.rsplit(".", 1)[-1]


def main(paths):
    rows = []
    runs = {}
    for path in paths:
        with open(path) as f:
            results = json.load(f)
        by_name = {}
        for r in results:
            name = short(r["benchmark"])
            pm = r["primaryMetric"]
            secondary = r.get("secondaryMetrics", {})
            # JMH 1.37 names it "gc.alloc.rate.norm"; older versions put a "·" in front.
            norm = secondary.get("gc.alloc.rate.norm") or secondary.get("·gc.alloc.rate.norm") or {}
            alloc = norm.get("score")
            by_name[name] = (r["threads"], pm["score"], pm["scoreError"], pm["scoreUnit"], alloc)
        for name, (threads, score, err, unit, alloc) in sorted(by_name.items()):
            ratio = ", ".join(
                "%.2f× %s" % (score / by_name[base][1], base)
                for base in BASELINES.get(name, [])
                if base in by_name)
            alloc_s = "" if alloc is None else "%.1f" % alloc
            # With a single iteration JMH reports the error as the string "NaN".
            err_s = "%.1f" % err if isinstance(err, (int, float)) else "?"
            rows.append((threads, name, "%.1f ± %s" % (score, err_s), unit, alloc_s, ratio))
        runs[threads] = by_name
    print("| threads | benchmark | throughput | unit | B/op | ratio to baseline |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in sorted(rows):
        print("| %s | %s | %s | %s | %s | %s |" % row)
    print()
    print("| threads | target | measured | met |")
    print("| --- | --- | --- | --- |")
    for threads in sorted(runs):
        for line in verdicts(runs[threads]):
            print("| %s | %s | %s | %s |" % ((threads,) + line))


# (benchmark, baseline, minimum ratio, what the target says)
RATIO_TARGETS = [
    ("perCpuWith", "longAdder", 0.7, "PerCpu.with increment >= 0.7x LongAdder"),
    ("perCpuGuardTokenWith", "longAdder", 0.7, "get(guard).with increment >= 0.7x LongAdder"),
    ("perCpuCounterIncrement", "longAdder", 0.9, "no-pin counter >= 0.9x LongAdder"),
    ("perCpuWithFourFields", "fourLongAdders", 1.6, "four fields in one with >= 1.6x four LongAdders"),
    ("perCpuWith", "perCpuWithUnchecked", 0.95, "nesting check costs <= 5%"),
]
ZERO_ALLOCATION = ["perCpuWith", "perCpuGuardTokenWith", "perCpuGuardCounterIncrement",
                   "perCpuCounterIncrement", "perCpuWithFourFields"]


def verdicts(by_name):
    for name, base, minimum, what in RATIO_TARGETS:
        if name in by_name and base in by_name:
            ratio = by_name[name][1] / by_name[base][1]
            yield what, "%.2f" % ratio, "yes" if ratio >= minimum else "**no**"
    for name in ZERO_ALLOCATION:
        if name in by_name and by_name[name][4] is not None:
            alloc = by_name[name][4]
            yield name + " allocates ~0 B/op", "%.1f B/op" % alloc, "yes" if alloc < 1 else "**no**"


if __name__ == "__main__":
    main(sys.argv[1:])
