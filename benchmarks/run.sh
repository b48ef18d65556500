#!/usr/bin/env bash
# Runs the whole JMH matrix (1, 2 and 4 threads, GC profiler on) and leaves one JSON result file
# per thread count in benchmarks/target/jmh/. The figures in docs/performance.md come from this.
# Extra arguments go to JMH, e.g. `benchmarks/run.sh -f 1 -wi 2 -i 3` for a quicker pass.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl benchmarks -am -DskipTests package
mkdir -p benchmarks/target/jmh
for threads in 1 2 4; do
  java -jar benchmarks/target/benchmarks.jar -t "$threads" -prof gc \
    -rf json -rff "benchmarks/target/jmh/threads-$threads.json" "$@"
done
python3 benchmarks/summarize.py benchmarks/target/jmh/threads-*.json
