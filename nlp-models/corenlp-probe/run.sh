#!/usr/bin/env bash
# Measures CoreNLP 4.5.10 (Spanish pipeline + SUTime) against our rules on issue 3's expressions.
# Needs the nlp-models classes (for the rule extractor), e.g.:
#   nlp-models/corenlp-probe/run.sh nlp-models/target/classes
# Downloads ~700 MB of model jars into ~/.m2 on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rules_classes="$(cd "${1:?usage: run.sh <nlp-models classes dir>}" && pwd)"
out="${TMPDIR:-/tmp}/corenlp-probe"
mkdir -p "$out/classes"
mvn -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null
cp="$(cat "$out/cp.txt"):$rules_classes:$HOME/.m2/repository/org/apache/opennlp/opennlp-tools/2.5.8/opennlp-tools-2.5.8.jar"
javac -d "$out/classes" -cp "$cp" "$here"/src/main/java/dev/cobra/nlp/probe/*.java
java -Xmx3g -cp "$out/classes:$cp" dev.cobra.nlp.probe.CoreNlpProbe
