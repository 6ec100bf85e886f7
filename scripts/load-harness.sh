#!/usr/bin/env bash
# Runs the load harness (issue 8) against a freshly built runtime jar on this machine and prints a JSON summary.
# Usage: scripts/load-harness.sh [--duration=30] [--concurrency=64] [--rate=300] [--debtors=20000]
#                                [--phases=baseline,menu,nlu,open] [--heap=1536m] [--out=summary.json] [--jfr=rec.jfr]
#                                [--runtime-args=--bot.durable-writes=false,...] [--runtime-jvm-args=-XX:+UseParallelGC,...]
#        instances started elsewhere instead of the jar here (round-robin, measured through their actuator metrics):
#                                [--targets=http://a:8080,http://b:8080 --graph-listen=0.0.0.0:9099
#                                 --graph-url=http://this-host:9099] [--admin-password=...]
# Set SKIP_BUILD=1 to reuse the jar and classes already built.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$(mktemp)"
model_flags=()
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -B -q -DskipTests package
else
  model_flags=(-Dexec.skip=true) # the built jar carries the model: do not train it again for the harness classes
fi
mvn -B -q -pl bot-runtime -am -Dskip.npm=true -Dskip.npm.test=true -DskipTests "${model_flags[@]}" test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -Xmx1g -cp "bot-runtime/target/test-classes:bot-runtime/target/classes:$(cat "$cp_file")" \
  dev.cobra.runtime.load.LoadHarness --jar=bot-runtime/target/bot-runtime.jar "$@"
