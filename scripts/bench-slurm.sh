#!/usr/bin/env bash
# Reruns the figures of "Slurm (connectors-slurm-cineca/)" in docs/benchmarks.md, on the clusters
# of the lab (scripts/local-slurm.sh start both), which it neither starts nor stops:
#   a  submission throughput: JOBS `true` jobs through fedflow's Slurm connector against a raw
#      HttpClient loop of the same POSTs (same bodies, same token), alternately, ROUNDS rounds after
#      WARMUPS warm-up rounds (printed as w1...; left out of the ratios)
#   e  submission through the engine: Engine.submit of a fan-out of JOBS jobs until all are queued,
#      with arrays (the default) and with arrays: false, against the raw loop of a, ENGINE_ROUNDS
#      rounds after one warm-up round
#   b  REST requests per job over whole runs: fan-outs of RUN_SIZES jobs through the engine
#   c  one GET jobs with JOBS jobs queued: a full listing against slurmctld's "unchanged" answer to
#      update_time, POLL_ROUNDS times each, alternately
# Usage: scripts/bench-slurm.sh [a] [e] [b] [c]   (all four by default)
# a and e submit to the lab's held partition, where jobs stay pending.
# Environment: CLUSTERS ("22 24"), JOBS (1000), ROUNDS (3), WARMUPS (3), ENGINE_ROUNDS (5), RUN_SIZES ("10 100 1000"),
#   POLL_ROUNDS (7), RUN_COMMAND (the jobs of b: "true"; "sleep 30" for a queue that stays still),
#   SLURM_SITE_SETTINGS (extra site settings, key=value,...: e.g. arrays=false).
# The benchmark's jobs are named ffbench.*; they are cancelled between sides and at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
parts=${*:-a e b c}
clusters=${CLUSTERS:-22 24}
jobs=${JOBS:-1000}
rounds=${ROUNDS:-3}
warmups=${WARMUPS:-3}
engine_rounds=${ENGINE_ROUNDS:-5}
run_sizes=${RUN_SIZES:-10 100 1000}
poll_rounds=${POLL_ROUNDS:-7}

cpfile=benchmarks/target/classpath.txt
mvn -B -q -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package \
  dependency:build-classpath -Dmdep.outputFile="$PWD/$cpfile"
cp="benchmarks/target/classes:$(cat "$cpfile")"
bench() { java -Xmx512m -cp "$cp" "$@"; }

echo "# $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M') UTC"
echo "# site settings added: ${SLURM_SITE_SETTINGS:-none}"
# section TITLE CLASS ARGS...: a titled table of the submission benchmark CLASS, for each cluster
section() {
  local title=$1 class=$2
  shift 2
  echo
  echo "$title"
  echo
  echo "| Slurm | round | side | jobs | wall | jobs/s | JVM CPU | slurmrestd CPU | slurmctld CPU | slurmdbd CPU | slurmd CPU | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for c in $clusters; do
    bench "io.fedflow.benchmarks.$class" "$c" "$@"
  done
}
if [[ $parts == *a* ]]; then
  section "(a) submitting $jobs \`true\` jobs: fedflow's connector against a raw HttpClient loop, alternately" \
    SlurmSubmitBenchmark "$rounds" "$jobs" "$warmups"
fi
if [[ $parts == *e* ]]; then
  section "(e) submitting a fan-out of $jobs \`true\` jobs through the engine until all are queued, against the raw loop of (a)" \
    SlurmEngineSubmitBenchmark "$engine_rounds" "$jobs"
fi
if [[ $parts == *b* ]]; then
  echo
  echo "(b) REST requests of whole runs through the engine (a fan-out of \`${RUN_COMMAND:-true}\` jobs, to the end)"
  echo
  echo "| Slurm | jobs | end | run (JVM CPU) | requests | per job | submit | GET jobs (per job) | slurmdb | nodes | openapi | other | received | slurmrestd CPU | slurmctld CPU | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for c in $clusters; do
    # shellcheck disable=SC2086 # one argument per size
    bench io.fedflow.benchmarks.SlurmRunBenchmark "$c" $run_sizes
  done
fi
if [[ $parts == *c* ]]; then
  echo
  echo "(c) one GET jobs with $jobs jobs submitted: full, and answered \"unchanged\" to update_time; medians of $poll_rounds, alternately"
  echo
  echo "| Slurm | jobs listed | answer | received | wall (min to max) | JVM CPU (decode) | slurmrestd CPU | slurmctld CPU | load |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for c in $clusters; do
    bench io.fedflow.benchmarks.SlurmPollBenchmark "$c" "$jobs" "$poll_rounds"
  done
fi
