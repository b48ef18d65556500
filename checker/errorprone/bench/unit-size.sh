#!/usr/bin/env bash
# How the percpu checks' cost grows with the size of one compilation unit (issue 9):
#
#   checker/errorprone/bench/unit-size.sh [RUNS]        (from the repository root; default 3 runs)
#
# Three single-file units of generated API-heavy code (GenerateCorpus.java in unit mode, seed 42):
# 1, 10 and 50 nested classes of 175 methods, about 1k, 10k and 50k lines, each class with mutually
# recursive helpers so that the nesting fixpoint iterates. Each unit is compiled RUNS times with
# Error Prone (all its checks off) without and with the nine percpu checks, interleaved; reported
# are the medians of CPU time, the checks' own thread-CPU time (SelfTiming, immune to other load),
# that time as a share of the compilation without the checks (the end-to-end ratio of one big unit
# swings by +-20 % from run to run with the JIT and the collector; the share does not), that time
# per 1,000 lines (constant when the analysis is linear in the unit), and the fixpoint
# passes each analysis took on the unit (FixpointStats).
set -euo pipefail
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
source "$ROOT/checker/errorprone/bench/setup.sh"
ON="$OFF -Xep:PerCpuNestedAccess:WARN -Xep:PerCpuPossibleNestedAccess:WARN -Xep:PerCpuGuardNotClosed:WARN -Xep:PerCpuGuardEscape:WARN -Xep:PerCpuValueEscape:WARN -Xep:NestedMapCompute:WARN -Xep:PossibleNestedMapCompute:WARN -Xep:PerCpuBlockingWhilePinned:WARN -Xep:PerCpuOnEachCpuWhilePinned:WARN"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "runs per configuration: $RUNS ($(nproc) cores, $(uptime | sed 's/.*load/load/'))"
printf "%-8s %7s %10s %10s %8s %11s %10s %11s  %s\n" classes lines "off cpu s" "on cpu s" ratio \
  "self cpu s" "self/off" "self/kline" "fixpoint passes (nesting)"
for classes in 1 10 50; do
  java "$ROOT/checker/errorprone/bench/GenerateCorpus.java" "$WORK/u$classes" 1 175 42 "$classes" >/dev/null
  SRC="$WORK/u$classes/gen/Unit0.java"
  LINES=$(wc -l < "$SRC")
  : > "$WORK/off"; : > "$WORK/on"; : > "$WORK/self"
  for i in $(seq "$RUNS"); do
    for cfg in off on; do
      rm -rf "$WORK/out" && mkdir "$WORK/out"
      if [ "$cfg" = off ]; then FLAGS="$OFF"; else FLAGS="$ON"; fi
      /usr/bin/time -f "%U %S" -o "$WORK/t" javac "${J[@]}" -J-Xss8m -J-Dpercpu.errorprone.timing=true \
        -Xmaxwarns 1000000 -d "$WORK/out" "${EP_BASE[@]}" "$FLAGS" -cp "$API_CP" "$SRC" >/dev/null 2>"$WORK/err" || true
      if grep -q "error:" "$WORK/err"; then echo "compilation failed:"; grep -m5 "error:" "$WORK/err"; exit 1; fi
      awk '{print $1 + $2}' "$WORK/t" >> "$WORK/$cfg"
      if [ "$cfg" = on ]; then
        sed -n 's/^percpu-errorprone self time: \([0-9.]*\) s.*/\1/p' "$WORK/err" >> "$WORK/self"
        PASSES=$(sed -n 's/^percpu-errorprone fixpoint passes, nesting: //p' "$WORK/err")
        grep '^percpu-errorprone fixpoint passes' "$WORK/err" > "$WORK/passes.$classes"
        FINDINGS=$(grep -c 'warning: \[' "$WORK/err" || true)
      fi
    done
  done
  OFF_S=$(median < "$WORK/off"); ON_S=$(median < "$WORK/on"); SELF=$(median < "$WORK/self")
  printf "%-8s %7s %10.2f %10.2f %8.3f %11.3f %10.3f %11.4f  %s; %s findings\n" "$classes" \
    "$LINES" "$OFF_S" "$ON_S" "$(awk -v a="$ON_S" -v b="$OFF_S" 'BEGIN {print a / b}')" "$SELF" \
    "$(awk -v s="$SELF" -v b="$OFF_S" 'BEGIN {print s / b}')" \
    "$(awk -v s="$SELF" -v l="$LINES" 'BEGIN {print s * 1000 / l}')" "$PASSES" "$FINDINGS"
done
echo "fixpoint passes of every analysis, per unit size:"
for classes in 1 10 50; do sed "s/^/  $classes classes: /" "$WORK/passes.$classes"; done
