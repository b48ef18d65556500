#!/usr/bin/env bash
# Compile-time cost of the percpu Checker Framework checker, as a ratio to plain javac, on two
# generated corpora: API-heavy code (every file uses the per-CPU API) and code that never
# mentions dev.percpu (which the checker skips before type checking).
#
# Usage (from checker/checkerframework; it packages the reactor's jars itself, installs nothing):
#   perf/measure.sh [API_FILES] [PLAIN_FILES]        (defaults 200 and 1000)
# The plain corpus is larger: the checker's fixed start-up cost (about a second of loading and
# initialising the framework) should be weighed against a realistic compilation, not a tiny one.
# Prints the best of three interleaved wall-clock runs for each configuration, and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"
m="${2:-1000}"
work="target/perf"
rm -rf "$work" && mkdir -p "$work/api" "$work/plain" "$work/out"
# One reactor invocation packages the percpu jars and writes the checker's external classpath; the
# measured checker is the shaded jar users put on the processor path, never a stale installed copy.
mvn -o -q -B -f ../../pom.xml -pl checker/checkerframework,runtime-api -am package -DskipTests \
  -Dspotless.check.skip dependency:build-classpath -DexcludeGroupIds=dev.percpu \
  -Dmdep.outputFile="$PWD/$work/cp.txt" >/dev/null
jar_of() { ls "$1"/*.jar | grep -v -e sources -e original- | head -1; }
cp="$(jar_of target):$(jar_of ../../runtime-api/target):$(cat "$work/cp.txt")"
exports=""
for p in api file main model parser processing tree util; do
  exports="$exports -J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED"
done
exports="$exports -J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED"
exports="$exports -J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED"

for i in $(seq 1 "$m"); do
  if [ "$i" -le "$n" ]; then
  cat > "$work/api/Api$i.java" <<JAVA
package gen;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

public class Api$i {
  private static final PerCpu<AtomicLong> HITS = PerCpu.allocate(AtomicLong::new);
  private static final PerCpu<AtomicLong> MISSES = PerCpu.allocate(AtomicLong::new);
  private static final PerCpu<StringBuilder> LOG = PerCpu.define("log$i", StringBuilder.class, StringBuilder::new);
  private final PerCpu<AtomicLong> own = PerCpu.allocate(AtomicLong::new);

  public void hit(long n) { HITS.with(h -> h.addAndGet(n)); }
  public void miss() { MISSES.with(m -> m.incrementAndGet()); }
  private void both() { HITS.with(h -> MISSES.with(m -> m.addAndGet(h.get()))); }
  public long total() { return HITS.apply(AtomicLong::get) + MISSES.apply(AtomicLong::get); }
  public void log(String s) { LOG.with(b -> b.append(s)); }
  public void each(List<String> items) {
    for (String s : items) {
      if (s.isEmpty()) { miss(); } else { hit(s.length()); }
    }
    own.with(o -> items.forEach(s -> HITS.with(h -> h.addAndGet(s.length()))));
  }
  public void pinned() {
    try (CpuGuard g = CpuGuard.pin()) {
      PerCpuToken<AtomicLong> t = own.get(g);
      t.with(o -> o.incrementAndGet());
      t.with(o -> MISSES.get(g).with(m -> m.addAndGet(o.get())));
    }
  }
  public void everywhere() { CpuGuard.onEachCpu(g -> own.get(g).with(o -> o.set(0))); }
  public PerCpu<AtomicLong> alias() { return own.clone(); }
  public void run() { both(); each(List.of("a", "", "bc")); pinned(); everywhere(); log("x"); }
}
JAVA
  fi
  cat > "$work/plain/Plain$i.java" <<JAVA
package gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

public class Plain$i {
  private final AtomicLong hits = new AtomicLong();
  private final Map<String, List<Integer>> index = new TreeMap<>();

  public void hit(long n) { hits.addAndGet(n); }
  public long total() { return hits.get(); }
  public void add(String key, int value) { index.computeIfAbsent(key, k -> new ArrayList<>()).add(value); }
  public <T, R> List<R> mapAll(List<T> in, Function<? super T, ? extends R> f) {
    List<R> out = new ArrayList<>();
    for (T t : in) { out.add(f.apply(t)); }
    return out;
  }
  public int sum(String key) {
    int s = 0;
    for (int v : index.getOrDefault(key, List.of())) { s += v; }
    return s;
  }
  public String describe() {
    StringBuilder b = new StringBuilder();
    index.forEach((k, v) -> b.append(k).append('=').append(v.size()).append(';'));
    return b.toString() + hits;
  }
  public void run() { add("a", 1); add("a", 2); hit(sum("a")); mapAll(List.of(1, 2), i -> i * 2); describe(); }
}
JAVA
done

seconds() { # wall-clock seconds of one javac run
  local s e
  s=$(date +%s.%N)
  javac $exports "$@" >/dev/null 2>&1 || true
  e=$(date +%s.%N)
  echo "$e - $s" | bc
}

min() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi; }

# Plain and checked runs alternate, three of each, so that a change in the machine's load hits
# both; the best of each is kept.
for corpus in api plain; do
  files=$(ls "$work/$corpus"/*.java)
  plain=""
  checked=""
  for _ in 1 2 3; do
    plain=$(min "$plain" "$(seconds -proc:none -cp "$cp" -d "$work/out" $files)")
    checked=$(min "$checked" "$(seconds -cp "$cp" -processorpath "$cp" -processor dev.percpu.checker.PerCpuChecker -d "$work/out" $files)")
  done
  ratio=$(echo "scale=2; $checked / $plain" | bc)
  count=$(ls "$work/$corpus"/*.java | wc -l)
  echo "$corpus: $count files, plain javac ${plain}s, with PerCpuChecker ${checked}s, ratio ${ratio}x"
done
