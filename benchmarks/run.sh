#!/usr/bin/env bash
# Runs the whole JMH matrix (1, 2 and 4 threads, GC profiler on) and leaves one JSON result file
# per thread count in benchmarks/target/jmh/ (or $PERCPU_BENCH_OUT), then prints the ratio table
# and the verdict on each target. The figures in docs/performance.md come from this.
#
#   benchmarks/run.sh                         build (runtime and benchmarks), then measure
#   benchmarks/run.sh -f 1 -wi 2 -i 3         extra arguments go to JMH, e.g. a quicker pass
#   PERCPU_BENCH_SKIP_BUILD=1 benchmarks/run.sh   measure the jar already built
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/run.sh   measure on another JDK
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${PERCPU_BENCH_SKIP_BUILD:-}" ]]; then
  mvn -B -q -Pbench -pl benchmarks -am -DskipTests package
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="${PERCPU_BENCH_OUT:-benchmarks/target/jmh}"
mkdir -p "$out"
"$java" -version 2>&1 | tee "$out/java-version.txt"
for threads in 1 2 4; do
  # FloorBenchmark is single-threaded by design: docs/performance.md gives its own command.
  "$java" -jar benchmarks/target/benchmarks.jar -t "$threads" -e FloorBenchmark -prof gc \
    -rf json -rff "$out/threads-$threads.json" "$@"
done
python3 benchmarks/summarize.py "$out"/threads-*.json
