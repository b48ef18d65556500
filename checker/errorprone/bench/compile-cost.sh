#!/usr/bin/env bash
# Compile-time cost of the percpu Error Prone checks (issue 3).
#
#   checker/errorprone/bench/compile-cost.sh [RUNS]        (from the repository root; default 5 runs)
#
# Two corpora, each compiled RUNS times per configuration, configurations interleaved so that
# background load hits them alike; the medians of CPU time (user+sys) and wall time are reported.
#   1. Real code that never uses the API: 284 files of the Checker Framework 3.54.0 (dataflow,
#      javacutil, framework/type, framework/flow), compiled from its -sources.jar.
#        plain javac  |  Error Prone, all its checks off  |  the same plus the nine percpu checks
#      Target: the percpu checks add <= 2% over "Error Prone, all its checks off".
#   2. A generated API-heavy corpus (GenerateCorpus.java: 200 files x 20 methods, seed 42).
#        Error Prone with the percpu checks off  |  with them on
#      Target: ratio <= 1.10.
# Needs: JDK 17+ on PATH and Maven. It packages the reactor's percpu jars itself (nothing is
# installed into ~/.m2) and measures those: the shaded percpu-errorprone jar, the runtime, the qual.
set -euo pipefail
RUNS=${1:-5}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
source "$ROOT/checker/errorprone/bench/setup.sh"
# PERCPU_BENCH_CHECKS="-Xep:A:WARN ..." measures a subset instead (e.g. the per-CPU checks alone).
ON="$OFF ${PERCPU_BENCH_CHECKS:--Xep:PerCpuNestedAccess:WARN -Xep:PerCpuPossibleNestedAccess:WARN -Xep:PerCpuGuardNotClosed:WARN -Xep:PerCpuGuardEscape:WARN -Xep:PerCpuValueEscape:WARN -Xep:NestedMapCompute:WARN -Xep:PossibleNestedMapCompute:WARN -Xep:PerCpuBlockingWhilePinned:WARN -Xep:PerCpuOnEachCpuWhilePinned:WARN}"

# Corpus 1: the Checker Framework's own sources.
CF_JAR="$M2/org/checkerframework/checker/3.54.0/checker-3.54.0.jar"
CF_SRC="$M2/org/checkerframework/checker/3.54.0/checker-3.54.0-sources.jar"
[ -f "$CF_SRC" ] || mvn -q -B dependency:get -Dartifact=org.checkerframework:checker:3.54.0:jar:sources >/dev/null
mkdir -p "$WORK/cf" && (cd "$WORK/cf" && unzip -q "$CF_SRC")
(cd "$WORK/cf" && find org/checkerframework/dataflow org/checkerframework/javacutil \
   org/checkerframework/framework/type org/checkerframework/framework/flow -name '*.java' \
   | grep -v '/qual/' | sed "s#^#$WORK/cf/#") > "$WORK/cf.files"
CF_CP="$CF_JAR:$M2/org/checkerframework/checker-qual/3.54.0/checker-qual-3.54.0.jar"

# Corpus 2: generated.
java "$ROOT/checker/errorprone/bench/GenerateCorpus.java" "$WORK/gen" 200 20 42 >/dev/null
ls "$WORK"/gen/gen/*.java > "$WORK/gen.files"

# run NAME ARGS... : one compilation; appends "cpu wall" to $WORK/NAME.times
run() {
  local name=$1; shift
  rm -rf "$WORK/out" && mkdir "$WORK/out"
  /usr/bin/time -f "%U %S %e" -o "$WORK/t" javac "${J[@]}" -J-Dpercpu.errorprone.timing=true \
    -nowarn -d "$WORK/out" "$@" >/dev/null 2>"$WORK/err" || true
  awk '{printf "%.2f %.2f\n", $1 + $2, $3}' "$WORK/t" >> "$WORK/$name.times"
  # The checks' own time inside javac (SelfTiming), immune to the machine's other load.
  sed -n 's/^percpu-errorprone self time: \([0-9.]*\) s.*/\1/p' "$WORK/err" >> "$WORK/$name.self"
  if grep -q "error:" "$WORK/err"; then echo "compilation failed in $name:"; grep -m5 "error:" "$WORK/err"; exit 1; fi
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
report() {
  local name=$1 self=""
  if [ -s "$WORK/$name.self" ]; then self=$(printf "   checks' self time %.3f s" "$(median < "$WORK/$name.self")"); fi
  printf "%-34s cpu %6.2f s   wall %6.2f s%s\n" "$name" \
    "$(cut -d' ' -f1 "$WORK/$name.times" | median)" "$(cut -d' ' -f2 "$WORK/$name.times" | median)" "$self"
}
ratio() {
  local a b; a=$(cut -d' ' -f1 "$WORK/$1.times" | median); b=$(cut -d' ' -f1 "$WORK/$2.times" | median)
  awk -v a="$a" -v b="$b" -v n="$3" 'BEGIN {printf "%-50s %.3f (cpu)\n", n, a / b}'
}

echo "runs per configuration: $RUNS ($(nproc) cores, $(uptime | sed 's/.*load/load/'))"
for i in $(seq "$RUNS"); do
  run cf-javac -proc:none "${X[@]}" -cp "$CF_CP" @"$WORK/cf.files"
  run cf-ep-off "${X[@]}" "${EP_BASE[@]}" "$OFF" -cp "$CF_CP" @"$WORK/cf.files"
  run cf-ep-percpu "${X[@]}" "${EP_BASE[@]}" "$ON" -cp "$CF_CP" @"$WORK/cf.files"
  run gen-ep-off "${EP_BASE[@]}" "$OFF" -cp "$API_CP" @"$WORK/gen.files"
  run gen-ep-percpu "${EP_BASE[@]}" "$ON" -cp "$API_CP" @"$WORK/gen.files"
done
echo "== corpus 1: $(wc -l < "$WORK/cf.files") Checker Framework files (no percpu API)"
report cf-javac; report cf-ep-off; report cf-ep-percpu
ratio cf-ep-off cf-javac "Error Prone (checks off) / javac"
ratio cf-ep-percpu cf-ep-off "percpu checks on / Error Prone (checks off)"
echo "== corpus 2: $(wc -l < "$WORK/gen.files") generated API-heavy files"
report gen-ep-off; report gen-ep-percpu
ratio gen-ep-percpu gen-ep-off "percpu checks on / off"
