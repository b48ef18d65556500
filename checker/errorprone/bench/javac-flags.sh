# Sourced by the bench scripts: the flags javac needs to run Error Prone on JDK 17+.
#   J: for the javac launcher (-J...), so Error Prone can reach javac's internals;
#   X: for the compilation itself, for sources that use javac's internals (the Checker Framework's).
J=(); X=()
for p in api file main model parser processing tree util; do
  J+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
J+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED" "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED")
for p in api code comp file main model parser processing tree util; do
  X+=("--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
