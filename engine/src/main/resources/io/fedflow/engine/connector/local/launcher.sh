# fedflow local launcher, written by the local connector into its state folder.
# It runs one attempt of one job and leaves the outcome in the attempt folder, so that the
# outcome is known even when the engine that started it is gone. Job arguments arrive as
# arguments after "--" and are executed as such: no job text is ever read as shell code.
#
#   sh launcher.sh run ATTEMPT_DIR -- PROGRAM [ARG]...   started under setsid by the engine
#   sh launcher.sh signal SIGNAL -- -PGID...             signals process groups
#
# run claims the attempt by creating ATTEMPT_DIR/pid exclusively, with "PID STARTTIME" (field
# 22 of /proc/PID/stat, which tells this process from a later one with a reused pid). An
# attempt claimed first by someone else (another launcher, or an engine that, recovering from
# a crash, declared it never started) is left alone. Then it runs the program as its child,
# with the streams and directory the engine gave it, and writes the child's exit code (128+N
# when signal N killed it) to ATTEMPT_DIR/exit-code. Each file is written in one write and
# ends with a newline: a reader takes a file without its newline as not yet written.
set -f
IFS=' '
case $1 in
signal)
  sig=$2
  shift 3
  kill -s "$sig" -- "$@"
  exit
  ;;
run) ;;
*)
  echo "usage: launcher.sh run ATTEMPT_DIR -- PROGRAM [ARG]..." >&2
  exit 2
  ;;
esac
dir=$2
shift 3
# A cancel signals the whole group: the child dies of it and this shell lives on to record how.
trap : TERM
starttime() {
  shift 19
  st=$1
}
read -r stat </proc/self/stat || exit 70
starttime ${stat##*) }
set -C
{ printf '%s %s\n' "$$" "$st" >"$dir/pid"; } 2>/dev/null || exit 0
set +C
if [ -e "$dir/cancelled" ]; then
  exit 0
fi
# exec in a subshell: the program is always looked up on PATH, never taken for a shell builtin.
(exec "$@")
printf '%s\n' "$?" >"$dir/exit-code"
