#!/usr/bin/env bash
# Cost and findings of NestedMapCompute / PossibleNestedMapCompute on real code that uses
# Map.computeIfAbsent and its kin (issue 13):
#
#   checker/errorprone/bench/map-cost.sh [RUNS]       (from the repository root; default 2 runs)
#
# Corpus: 358 files of the Checker Framework 3.54.0 sources (dataflow, javacutil, framework/type,
# framework/flow, framework/util, without qual), of which 14 call an entering Map method. Two
# configurations, interleaved: Error Prone with all its checks off, and the same plus the two map
# checks. Prints CPU and wall time, the checks' own thread-CPU time (SelfTiming) and every map
# finding. Builds the module's jar with `package` (nothing is installed).
set -euo pipefail
RUNS=${1:-2}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
source "$ROOT/checker/errorprone/bench/setup.sh"
EP=("${EP_BASE[@]}")
ON="$OFF -Xep:NestedMapCompute:WARN -Xep:PossibleNestedMapCompute:WARN"

CF_SRC="$M2/org/checkerframework/checker/3.54.0/checker-3.54.0-sources.jar"
mkdir -p "$WORK/cf" && (cd "$WORK/cf" && unzip -q "$CF_SRC")
(cd "$WORK/cf" && find org/checkerframework/dataflow org/checkerframework/javacutil \
  org/checkerframework/framework/type org/checkerframework/framework/flow \
  org/checkerframework/framework/util -name '*.java' | grep -v '/qual/' | sed "s#^#$WORK/cf/#") \
  > "$WORK/files"
CP="$M2/org/checkerframework/checker/3.54.0/checker-3.54.0.jar:$M2/org/checkerframework/checker-qual/3.54.0/checker-qual-3.54.0.jar"
echo "files: $(wc -l < "$WORK/files"); calling an entering Map method:" \
  "$(xargs grep -lE '\.(computeIfAbsent|computeIfPresent|compute|merge)\(' < "$WORK/files" | wc -l)"

for i in $(seq "$RUNS"); do
  for cfg in off on; do
    rm -rf "$WORK/out" && mkdir "$WORK/out"
    if [ "$cfg" = off ]; then FLAGS="$OFF"; else FLAGS="$ON"; fi
    /usr/bin/time -f "%U %S %e" -o "$WORK/t" javac "${J[@]}" -J-Dpercpu.errorprone.timing=true \
      -d "$WORK/out" "${X[@]}" "${EP[@]}" "$FLAGS" -cp "$CP" @"$WORK/files" \
      >/dev/null 2>"$WORK/err.$cfg" || true
    echo "$cfg run $i: cpu $(awk '{print $1 + $2}' "$WORK/t") s, wall $(awk '{print $3}' "$WORK/t") s;" \
      "$(grep -h 'self time' "$WORK/err.$cfg" || true);" \
      "map findings: $(grep -cE '\[(Possible)?NestedMapCompute\]' "$WORK/err.$cfg" || true)"
  done
done
grep -E -A2 '\[(Possible)?NestedMapCompute\]' "$WORK/err.on" || true
