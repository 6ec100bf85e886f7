#!/usr/bin/env bash
# Fault check (issue 8): kill -9 of the runtime under WhatsApp load, restart on the same data dir, then verify
# that every accepted message was processed once, in order, and each reply reached the Graph API exactly once.
# See docs/reliability.md. Usage: scripts/fault-kill9.sh [--debtors=20] [--messages=10] [--kill-after=70]
#                                [--kill-after-replies=N]  (kill once N replies were sent: turns are running)
# Env: COBRA_TARGET (Maven build folder, default target), SKIP_BUILD=1 to reuse the built jar and test classes,
#      MVN_FLAGS (extra Maven flags, e.g. -o for offline).
# Exit code 0 when every RESULT line is ok.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${COBRA_TARGET:-target}"
mvn_args=(-B -q ${MVN_FLAGS:-} -Dcobra.target="$target" -Dskip.npm=true -Dskip.npm.test=true -DskipTests)
cp_file="$(mktemp)"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn "${mvn_args[@]}" -pl bot-runtime -am package
fi
mvn "${mvn_args[@]}" -pl bot-runtime -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
java -Xmx512m -cp "bot-runtime/$target/test-classes:bot-runtime/$target/classes:$(cat "$cp_file")" \
  dev.cobra.runtime.faults.Kill9Check --jar="bot-runtime/$target/bot-runtime.jar" "$@"
