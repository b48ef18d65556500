#!/usr/bin/env bash
# Compiles each samples/violations/*.java with the seven percpu checks (all at WARN, so each shows)
# and compares the findings with the "errorprone CHECK SEVERITY line N" lines of its header.
#   checker/errorprone/bench/check-violations.sh      (from the repository root, after install)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
WORK=$(mktemp -d /tmp/percpu-violations.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
M2=${M2_REPO:-$HOME/.m2/repository}
mvn -o -q -B -f "$ROOT/checker/errorprone/pom.xml" dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/ep.cp" >/dev/null
PP="$(cat "$WORK/ep.cp"):$M2/dev/percpu/percpu-errorprone/0.1.0-SNAPSHOT/percpu-errorprone-0.1.0-SNAPSHOT.jar"
CP="$M2/dev/percpu/percpu-runtime/0.1.0-SNAPSHOT/percpu-runtime-0.1.0-SNAPSHOT.jar:$M2/dev/percpu/percpu-qual/0.1.0-SNAPSHOT/percpu-qual-0.1.0-SNAPSHOT.jar"
J=()
for p in api file main model parser processing tree util; do J+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED"); done
J+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED" "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED")
CHECKS="-Xplugin:ErrorProne -XepDisableAllChecks -Xep:PerCpuNestedAccess:WARN -Xep:PerCpuPossibleNestedAccess:WARN -Xep:PerCpuGuardNotClosed:WARN -Xep:PerCpuGuardEscape:WARN -Xep:PerCpuValueEscape:WARN -Xep:NestedMapCompute:WARN -Xep:PossibleNestedMapCompute:WARN"
fail=0
for f in "$ROOT"/samples/violations/*.java; do
  expected=$(grep -E '^\s*\*\s+errorprone ' "$f" | awk '{print $3" "$6}' | sort | tr '\n' ';')
  got=$(javac "${J[@]}" -d "$WORK/out" -cp "$CP" -processorpath "$PP" -XDcompilePolicy=simple \
          --should-stop=ifError=FLOW "$CHECKS" "$f" 2>&1 \
        | grep -oE '^[^ ]+:[0-9]+: (warning|error): \[PerCpu[A-Za-z]+\]' \
        | sed -E 's/^[^:]+:([0-9]+): (warning|error): \[(.*)\]/\3 \1/' | sort | tr '\n' ';' || true)
  if [ "$expected" == "$got" ]; then echo "ok    $(basename "$f")"; else echo "DIFF  $(basename "$f") expected=[$expected] got=[$got]"; fail=1; fi
done
exit $fail
