# Sourced by the bench scripts after ROOT is set: packages the reactor's percpu jars (nothing is
# installed into ~/.m2, so the measured jars are always this tree's) and sets
#   WORK    a temporary directory, removed on exit
#   PP      Error Prone's processor path plus the shaded percpu-errorprone jar
#   API_CP  the percpu runtime and qual jars, for code that uses the API
#   EP_BASE the javac flags every Error Prone run takes; OFF: Error Prone with all its checks off
#   J, X    the JDK 17+ flags of javac-flags.sh
WORK=$(mktemp -d /tmp/percpu-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
M2=${M2_REPO:-$HOME/.m2/repository}
# Error Prone's own classpath with every dev.percpu artifact excluded: never a stale installed copy.
mvn -o -q -B -f "$ROOT/pom.xml" -pl checker/errorprone -am package -DskipTests \
  -Dspotless.check.skip dependency:build-classpath -DexcludeGroupIds=dev.percpu \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/ep.cp" >/dev/null
PLUGIN=$(ls "$ROOT"/checker/errorprone/target/percpu-errorprone-*.jar | grep -v -e sources -e original | head -1)
PP="$(cat "$WORK/ep.cp"):$PLUGIN"
API_CP="$(ls "$ROOT"/runtime-api/target/percpu-runtime-*.jar | grep -v sources | head -1):$(ls "$ROOT"/checker/qual/target/percpu-qual-*.jar | grep -v sources | head -1)"
source "$ROOT/checker/errorprone/bench/javac-flags.sh"
EP_BASE=(-XDcompilePolicy=simple --should-stop=ifError=FLOW -processorpath "$PP")
OFF="-Xplugin:ErrorProne -XepDisableAllChecks"
