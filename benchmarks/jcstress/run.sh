#!/usr/bin/env bash
# Builds the jcstress tests of the runtime (Maven profile `jcstress`, outside the default build) and
# runs them with one CPU slot, so that every actor's pin contends for the same slot. The report goes
# to benchmarks/jcstress/target/jcstress-results/ (or $PERCPU_JCSTRESS_OUT); jcstress exits non-zero
# if any test saw a forbidden outcome. The result quoted in docs/design.md comes from this.
#
#   benchmarks/jcstress/run.sh                       build, then run in jcstress's default mode
#   benchmarks/jcstress/run.sh -m quick              extra arguments go to jcstress, e.g. a quick pass
#   PERCPU_JCSTRESS_SKIP_BUILD=1 benchmarks/jcstress/run.sh   run the jar already built
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/jcstress/run.sh   run on another JDK
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${PERCPU_JCSTRESS_SKIP_BUILD:-}" ]]; then
  mvn -B -q -Pjcstress -pl benchmarks/jcstress -am -DskipTests package
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="${PERCPU_JCSTRESS_OUT:-benchmarks/jcstress/target/jcstress-results}"
mkdir -p "$out"
"$java" -version 2>&1 | tee "$out/java-version.txt"
# jcstress writes its binary result log into the working directory: keep it beside the report.
jar="$PWD/benchmarks/jcstress/target/jcstress.jar"
cd "$out"
"$java" -jar "$jar" -jvmArgsPrepend "-Dpercpu.cpus=1" -r . "$@"
