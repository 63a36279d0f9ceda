#!/usr/bin/env bash
# Reruns the figures of docs/benchmarks.md: each case in a fresh JVM with the heap capped at 512 MiB,
# so a case that needed more would fail, not just report a big number.
set -euo pipefail
cd "$(dirname "$0")/.."
cpfile=benchmarks/target/classpath.txt
mvn -B -q -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package \
  dependency:build-classpath -Dmdep.outputFile="$PWD/$cpfile"
cp="benchmarks/target/classes:$(cat "$cpfile")"
run() { java -Xmx512m -cp "$cp" io.fedflow.benchmarks.DagBenchmark "$@"; }
echo "# $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F)"
echo "| case | file | size | jobs | instances | first read+check+plan | warm median | peak heap | expand every instance | peak heap |"
echo "|---|---|---|---|---|---|---|---|---|---|"
run examples examples/*.yaml
run fanout 1000000
run explicit 100000
