#!/usr/bin/env bash
# Reruns the figures of "Running workflows (engine/)" in docs/benchmarks.md:
#   a  engine throughput: 100,000 no-op jobs on a memory site, H2 store on (two workflow shapes)
#   b  10,000 `true` jobs on the local site against GNU make -j2, alternately, 3 rounds each
#   c  peak resident memory of a JVM following a 100,000-job run
# Usage: scripts/bench-engine.sh [a] [b] [c]   (all three by default)
# Environment: JOBS (100000), LOCAL_DAGS ("layers:10000:100 fanout:10000"), ROUNDS (3),
#   FOLLOW_XMX (-Xmx320m: the plan of the explicit 100,000-job workflow alone holds about 200 MiB
#   of heap, which -Xmx256m could not follow, before the journal store as after).
set -euo pipefail
cd "$(dirname "$0")/.."
parts=${*:-a b c}
jobs=${JOBS:-100000}
local_dags=${LOCAL_DAGS:-layers:10000:100 fanout:10000}
rounds=${ROUNDS:-3}
follow_xmx=${FOLLOW_XMX:--Xmx320m}

if [[ $parts == *b* ]] && ! make --version 2>/dev/null | grep -q '^GNU Make'; then
  echo "bench-engine.sh: part b compares with GNU make, which is not on PATH (apt-get install make)" >&2
  exit 1
fi

cpfile=benchmarks/target/classpath.txt
mvn -B -q -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package \
  dependency:build-classpath -Dmdep.outputFile="$PWD/$cpfile"
cp="benchmarks/target/classes:$(cat "$cpfile")"
bench() { java -cp "$cp" "$@"; }

echo "# $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F)"
if [[ $parts == *a* ]]; then
  echo
  echo "(a) throughput: memory site of 10,000 slots, H2 file store, -Xmx1g"
  echo
  echo "| workflow | jobs succeeded | JVM | run | submit | follow | submit to end | jobs/s | H2 file | peak RSS |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for shape in fanout explicit; do
    bench -Xmx1g io.fedflow.benchmarks.EngineBenchmark throughput "$shape" "$jobs"
  done
fi
if [[ $parts == *b* ]]; then
  echo
  echo "(b) local site of 2 cpus against $(make --version | head -1) -j2, alternately; fedflow -Xmx512m"
  echo
  echo "| DAG | jobs | round | make -j2 | fedflow run (whole JVM) | of which submit to end | ratio | local connector alone (whole JVM) |"
  echo "|---|---|---|---|---|---|---|---|"
  # shellcheck disable=SC2086 # one argument per DAG
  bench -Xmx256m io.fedflow.benchmarks.LocalVsMake "$rounds" $local_dags
fi
if [[ $parts == *c* ]]; then
  echo
  echo "(c) a JVM that only follows a run (submitted by another JVM), $follow_xmx"
  echo
  echo "| workflow | jobs succeeded | heap cap | run | follow | peak RSS (VmHWM) | peak heap |"
  echo "|---|---|---|---|---|---|---|---|"
  home=$(mktemp -d -t fedflow-follow.XXXXXX)
  trap 'rm -rf "$home"' EXIT
  for shape in fanout explicit; do
    run=$(bench -Xmx1g io.fedflow.benchmarks.EngineBenchmark submit "$home" "$shape" "$jobs")
    bench "$follow_xmx" io.fedflow.benchmarks.EngineBenchmark follow "$home" "$run"
  done
fi
