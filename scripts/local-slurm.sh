#!/usr/bin/env bash
# Real single-node Slurm clusters on loopback, with slurmrestd and JWT auth, for fedflow's
# integration tests and for anyone who wants to try fedflow on a real Slurm (docs/local-slurm.md).
#   22: Slurm 22.05 from Debian bookworm's packages (REST v0.0.36-38), slurmdbd
#   24: Slurm 24.11 from Debian trixie's packages in a debootstrapped chroot (REST v0.0.40-42)
# Both keep accounting in one MariaDB owned by the lab. Runs as root on Debian bookworm without
# systemd: every daemon runs in the foreground under setsid, its pid is recorded, and `stop` kills
# only a recorded pid whose command line is still the one this script started.
set -euo pipefail

LAB=${FEDFLOW_SLURM_LAB:-/var/lib/fedflow-slurm-lab}
MIRROR=${FEDFLOW_DEBIAN_MIRROR:-http://deb.debian.org/debian}
FAKE_CPUS=${FEDFLOW_SLURM_CPUS:-16}
TOKEN_LIFESPAN=${FEDFLOW_SLURM_TOKEN_LIFESPAN:-2592000} # 30 days, in seconds
MIN_JOB_AGE=${FEDFLOW_SLURM_MIN_JOB_AGE:-5}              # seconds a finished job stays in slurmctld
JOB_USER=fedflow-user
REST_USER=fedflow-rest
ACCOUNT=fedflow
PARTITION=debug
HELD_PARTITION=held
DB_PORT=6830
CHROOT=$LAB/trixie
SYS_PATH=/usr/sbin:/usr/bin:/sbin:/bin
HOST_PACKAGES_22=(munge slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin slurmdbd)
HOST_PACKAGES_COMMON=(mariadb-server curl jq openssh-server)
CHROOT_PACKAGES=(munge slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin slurmdbd passwd openssh-server)

say() { printf '%s\n' "$*" >&2; }
# shellcheck source=scripts/local-sshd.sh
source "$(dirname "${BASH_SOURCE[0]}")/local-sshd.sh"
die() { say "local-slurm: $*"; exit 1; }
now() { printf '%s' "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
timing() { # records a measured figure for `check` and the docs
  printf '%s %s: %s s\n' "$(date -u +%FT%TZ)" "$1" "$2" >>"$LAB/timings.log"
  say "  $1: $2 s"
}

# ---------------------------------------------------------------------------------------------
# Per-cluster layout. ROOT is the chroot ("" on the host); CDIR is the cluster's own folder as its
# daemons see it, HDIR the same folder seen from the host; META holds what only the host needs.
use_cluster() {
  CL=$1
  case $CL in
    22) ROOT=""; CDIR=$LAB/22/slurm; BASE_PORT=6817 ;;
    24) ROOT=$CHROOT; CDIR=/var/lib/fedflow-lab; BASE_PORT=6917 ;;
    *) die "unknown cluster '$CL' (expected 22 or 24)" ;;
  esac
  HDIR=$ROOT$CDIR
  META=$LAB/$CL
  NAME=fedflow$CL
  CTLD_PORT=$BASE_PORT
  SLURMD_PORT=$((BASE_PORT + 1))
  DBD_PORT=$((BASE_PORT + 2))
  REST_PORT=$((BASE_PORT + 3))
  CONF=$CDIR/etc/slurm.conf
  MUNGE_SOCKET=$CDIR/munge/munge.socket
  DAEMONS=(munged slurmdbd slurmctld slurmd slurmrestd)
}

# Runs a command on the cluster (inside the chroot for 24), as root.
on_cluster() {
  local -a pre=()
  [[ -n $ROOT ]] && pre=(chroot "$ROOT")
  "${pre[@]}" env PATH="$SYS_PATH" SLURM_CONF="$CONF" "$@"
}

# ---------------------------------------------------------------------------------------------
# Processes: started detached, pid and command line recorded, stopped only when both still match.
pidfile() { printf '%s/pids/%s.pid' "$LAB" "$1"; }

# launch KEY CMD...: CMD must exec in place down to the daemon (setsid, chroot, setpriv, env do),
# so that $! is the daemon's own pid. The daemon is the first word naming /usr/sbin/; its command
# line is recorded beside the pid.
launch() {
  local key=$1 a
  shift
  local -a daemon=()
  for a in "$@"; do
    [[ ${#daemon[@]} -gt 0 || $a == /usr/sbin/* ]] && daemon+=("$a")
  done
  setsid "$@" </dev/null >>"$LAB/pids/$key.out" 2>&1 &
  printf '%s\n%s\n' "$!" "${daemon[*]}" >"$(pidfile "$key")"
}

cmdline_of() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | sed 's/ $//'; }

# alive KEY: the recorded pid runs the recorded daemon, or a launcher still exec'ing towards it
# (whose command line ends with the daemon's). sshd rewrites its command line into a title
# ("sshd: <command line> [listener] 0 of 10-100 startups"). A zombie has an empty command line.
alive() {
  local f pid want have
  f=$(pidfile "$1")
  [[ -f $f ]] || return 1
  pid=$(sed -n 1p "$f")
  want=$(sed -n 2p "$f")
  [[ -n $pid && -n $want ]] || return 1
  have=$(cmdline_of "$pid")
  [[ -n $have && ($have == "$want" || $have == *" $want" || $have == "sshd: $want ["*) ]]
}

stop_key() {
  local key=$1 f pid i
  f=$(pidfile "$key")
  [[ -f $f ]] || return 0
  pid=$(sed -n 1p "$f")
  if alive "$key"; then
    say "  stopping $key (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      alive "$key" || break
      sleep 0.1
    done
    if alive "$key"; then
      say "  $key (pid $pid) ignored TERM for 10 s: KILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  elif [[ -n $pid && -d /proc/$pid ]]; then
    say "  $key: pid $pid now runs '$(cmdline_of "$pid")', not ours: left alone"
  fi
  rm -f "$f"
}

# wait_for WHAT SECONDS KEY CMD...: polls CMD until it succeeds; fails early if KEY's process died.
wait_for() {
  local what=$1 secs=$2 key=$3 deadline
  shift 3
  deadline=$(awk -v n="$EPOCHREALTIME" -v s="$secs" 'BEGIN { printf "%d", n + s }')
  until "$@" >/dev/null 2>&1; do
    if [[ -n $key ]] && ! alive "$key"; then
      say "local-slurm: $key exited while waiting for $what; last lines of its log:"
      tail -n 20 "$LAB/pids/$key.out" >&2 || true
      daemon_log_tail "$key"
      exit 1
    fi
    if ((${EPOCHREALTIME%.*} >= deadline)); then
      say "local-slurm: no $what after $secs s"
      daemon_log_tail "$key"
      exit 1
    fi
    sleep 0.2
  done
}

daemon_log_tail() {
  local name=${1#*-} f
  if [[ $1 == mariadb ]]; then
    f=$DB_DIR/mariadb.log
  else
    f=$HDIR/log/$name.log
  fi
  [[ -f $f ]] && { say "--- $f"; tail -n 20 "$f" >&2; }
  return 0
}

port_closed() { ! port_open "$1"; }
# shellcheck disable=SC2016 # $0 is expanded by the inner bash
port_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null; }

require_free_port() {
  port_open "$1" && die "port $1 ($2) is already taken by a process this script did not start"
  return 0
}

# ---------------------------------------------------------------------------------------------
# Packages and users.
missing_packages() {
  local p
  for p in "$@"; do
    [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || printf '%s\n' "$p"
  done
}

# apt-get without questions and without starting the packages' services (we start daemons
# ourselves); on a machine without policy-rc.d one is put in place for the install only.
apt_install() {
  local root=$1
  shift
  local policy=$root/usr/sbin/policy-rc.d added=""
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    added=1
  fi
  local -a pre=()
  [[ -n $root ]] && pre=(chroot "$root")
  local rc=0
  "${pre[@]}" env DEBIAN_FRONTEND=noninteractive PATH="$SYS_PATH" \
    apt-get install -y -q --no-install-recommends "$@" >"$LAB/apt.log" 2>&1 || rc=$?
  if ((rc != 0)); then
    say "  apt-get install failed; updating the package lists and trying again"
    "${pre[@]}" env DEBIAN_FRONTEND=noninteractive PATH="$SYS_PATH" apt-get update -q >>"$LAB/apt.log" 2>&1 || true
    rc=0
    "${pre[@]}" env DEBIAN_FRONTEND=noninteractive PATH="$SYS_PATH" \
      apt-get install -y -q --no-install-recommends "$@" >>"$LAB/apt.log" 2>&1 || rc=$?
  fi
  [[ -n $added ]] && rm -f "$policy"
  ((rc == 0)) || { tail -n 20 "$LAB/apt.log" >&2; die "apt-get install $* failed (log: $LAB/apt.log)"; }
}

install_host_packages() {
  local -a want=("${HOST_PACKAGES_COMMON[@]}") missing
  [[ $1 == *22* ]] && want+=("${HOST_PACKAGES_22[@]}")
  [[ $1 == *24* ]] && want+=(debootstrap)
  mapfile -t missing < <(missing_packages "${want[@]}")
  ((${#missing[@]} == 0)) && return 0
  local t0
  t0=$(now)
  say "installing on the host: ${missing[*]}"
  apt_install "" "${missing[@]}"
  timing "install host packages (${#missing[@]})" "$(since "$t0")"
}

# The chroot with trixie's Slurm 24.11; reused when present.
ensure_chroot() {
  local t0
  if [[ ! -f $CHROOT/.fedflow-bootstrapped ]]; then
    if [[ -d $CHROOT ]]; then
      grep -q " $CHROOT/" /proc/mounts && die "$CHROOT is half-built and has mounts below it; run '$0 stop' first"
      say "removing the half-built $CHROOT"
      rm -rf --one-file-system -- "$CHROOT"
    fi
    t0=$(now)
    say "debootstrap trixie (minbase) into $CHROOT"
    debootstrap --variant=minbase trixie "$CHROOT" "$MIRROR" >"$LAB/debootstrap.log" 2>&1 ||
      { tail -n 20 "$LAB/debootstrap.log" >&2; die "debootstrap failed (log: $LAB/debootstrap.log)"; }
    timing "debootstrap trixie" "$(since "$t0")"
    touch "$CHROOT/.fedflow-bootstrapped"
  fi
  # Without the host's /etc/hosts, lookups of the host name went to DNS and stalled for 5 s.
  cp /etc/hosts "$CHROOT/etc/hosts"
  cp /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true
  local -a missing
  # shellcheck disable=SC2016 # a dpkg-query format, not a shell expansion
  mapfile -t missing < <(chroot "$CHROOT" env PATH="$SYS_PATH" dpkg-query -W -f='${Package} ${Status}\n' "${CHROOT_PACKAGES[@]}" 2>/dev/null |
    awk '$4 != "installed" { print $1 }')
  # dpkg-query prints nothing for a package it never saw; the marker covers the first install.
  if ((${#missing[@]} > 0)) || [[ ! -f $CHROOT/.fedflow-ready ]]; then
    t0=$(now)
    say "installing in the chroot: ${CHROOT_PACKAGES[*]}"
    apt_install "$CHROOT" "${CHROOT_PACKAGES[@]}"
    chroot "$CHROOT" env PATH="$SYS_PATH" apt-get clean
    timing "install trixie packages in the chroot" "$(since "$t0")"
    touch "$CHROOT/.fedflow-ready"
  fi
}

mount_chroot() {
  grep -q " $CHROOT/proc proc " /proc/mounts || mount -t proc proc "$CHROOT/proc"
}

umount_chroot() {
  if grep -q " $CHROOT/proc " /proc/mounts; then
    umount "$CHROOT/proc" || say "  could not unmount $CHROOT/proc (still in use?)"
  fi
}

ensure_host_users() {
  id -u "$REST_USER" >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$REST_USER"
  id -u "$JOB_USER" >/dev/null 2>&1 || useradd --user-group --create-home --shell /bin/bash "$JOB_USER"
  return 0
}

# Same name, uid and gid on the host and in the chroot, so job files read the same from both.
ensure_chroot_users() {
  local u uid gid
  for u in "$REST_USER" "$JOB_USER"; do
    uid=$(id -u "$u")
    gid=$(id -g "$u")
    if chroot "$ROOT" getent passwd "$u" >/dev/null; then
      [[ $(chroot "$ROOT" id -u "$u") == "$uid" ]] || die "$u has another uid in the chroot than on the host ($uid)"
    else
      chroot "$ROOT" getent group "$gid" >/dev/null && die "gid $gid of $u is taken in the chroot"
      chroot "$ROOT" getent passwd "$uid" >/dev/null && die "uid $uid of $u is taken in the chroot"
      chroot "$ROOT" env PATH="$SYS_PATH" groupadd -g "$gid" "$u"
      if [[ $u == "$REST_USER" ]]; then
        chroot "$ROOT" env PATH="$SYS_PATH" useradd --system -u "$uid" -g "$gid" --no-create-home --shell /usr/sbin/nologin "$u"
      else
        chroot "$ROOT" env PATH="$SYS_PATH" useradd -u "$uid" -g "$gid" --create-home --shell /bin/bash "$u"
      fi
    fi
  done
}

# ---------------------------------------------------------------------------------------------
# MariaDB, shared by both clusters' slurmdbd, with everything under $LAB/mariadb.
DB_DIR=$LAB/mariadb
DB_CNF=$LAB/mariadb.cnf

# shellcheck disable=SC2120 # called with arguments through wait_for
db_sql() { mariadb --defaults-file="$DB_CNF" -u root "$@"; }

ensure_mariadb() {
  alive mariadb && return 0
  require_free_port "$DB_PORT" MariaDB
  install -d -o mysql -g mysql -m 0750 "$DB_DIR" "$DB_DIR/data" "$DB_DIR/run"
  cat >"$DB_CNF" <<EOF
[client]
socket=$DB_DIR/run/mariadb.sock

[mysqld]
user=mysql
datadir=$DB_DIR/data
socket=$DB_DIR/run/mariadb.sock
pid-file=$DB_DIR/run/mariadb.pid
log-error=$DB_DIR/mariadb.log
bind-address=127.0.0.1
port=$DB_PORT
skip-name-resolve
# what slurmdbd asks for in its start-up warnings
innodb_buffer_pool_size=1024M
innodb_log_file_size=64M
innodb_lock_wait_timeout=900
EOF
  if [[ ! -d $DB_DIR/data/mysql ]]; then
    say "creating the MariaDB data directory"
    mariadb-install-db --defaults-file="$DB_CNF" --auth-root-authentication-method=socket \
      --skip-test-db >"$LAB/mariadb-install.log" 2>&1 ||
      { tail -n 20 "$LAB/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
  fi
  say "starting MariaDB on 127.0.0.1:$DB_PORT"
  launch mariadb /usr/sbin/mariadbd --defaults-file="$DB_CNF"
  wait_for "MariaDB answering" 60 mariadb db_sql -e 'select 1'
}

stop_mariadb_if_unused() {
  local c
  for c in 22 24; do
    if any_alive "$c"; then return 0; fi
  done
  stop_key mariadb
}

# ---------------------------------------------------------------------------------------------
# One cluster's files.
write_cluster_files() {
  install -d -m 0755 "$META" "$HDIR" "$HDIR/etc"
  install -d -o slurm -g slurm -m 0755 "$HDIR/state" "$HDIR/log" "$HDIR/run"
  install -d -o root -g root -m 0755 "$HDIR/spool"
  install -d -o munge -g munge -m 0755 "$HDIR/munge"
  local munge_uid slurm_uid
  if [[ ! -f $HDIR/munge/munge.key ]]; then
    head -c 1024 /dev/urandom >"$HDIR/munge/munge.key"
  fi
  if [[ ! -f $HDIR/etc/jwt.key ]]; then
    head -c 32 /dev/urandom >"$HDIR/etc/jwt.key"
  fi
  if [[ ! -f $META/db.pass ]]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$META/db.pass")
  fi
  # Owners as the cluster names them (uids differ between host and chroot).
  munge_uid=$(on_cluster id -u munge)
  slurm_uid=$(on_cluster id -u slurm)
  chown "$munge_uid:$munge_uid" "$HDIR/munge" "$HDIR/munge/munge.key"
  chmod 0600 "$HDIR/munge/munge.key"
  chown "$slurm_uid:$slurm_uid" "$HDIR/state" "$HDIR/log" "$HDIR/run" "$HDIR/etc/jwt.key"
  chmod 0600 "$HDIR/etc/jwt.key"

  local node_line real_mem task_plugin=""
  real_mem=$(on_cluster slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -1)
  [[ -n $real_mem ]] || die "slurmd -C printed no RealMemory"
  # A fake CPU count lets many short jobs run at once on a small machine.
  node_line="NodeName=$(hostname -s) NodeAddr=127.0.0.1 CPUs=$FAKE_CPUS Boards=1 SocketsPerBoard=1 CoresPerSocket=$FAKE_CPUS ThreadsPerCore=1 RealMemory=$real_mem State=UNKNOWN"
  [[ $CL == 22 ]] && task_plugin="TaskPlugin=task/none"

  cat >"$HDIR/etc/slurm.conf" <<EOF
# Written by fedflow's scripts/local-slurm.sh: a one-node cluster on loopback.
ClusterName=$NAME
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=slurm
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
CredType=cred/munge
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$CDIR/etc/jwt.key
StateSaveLocation=$CDIR/state
SlurmdSpoolDir=$CDIR/spool
SlurmctldPidFile=$CDIR/run/slurmctld.pid
SlurmdPidFile=$CDIR/run/slurmd.pid
SlurmctldLogFile=$CDIR/log/slurmctld.log
SlurmdLogFile=$CDIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
$task_plugin
SelectType=select/cons_tres
# 24.11's default CR_Core_Memory without DefMemPerCPU runs one job at a time.
SelectTypeParameters=CR_Core
# The default 3 s delay made 200 tiny jobs take 265 s instead of 95 s.
SchedulerParameters=batch_sched_delay=0
SlurmdParameters=config_overrides
MailProg=/bin/true
ReturnToService=2
# A finished job leaves slurmctld after MinJobAge (default 300 s), then only accounting knows it:
# short here, so that tests see it (it goes a few seconds later: slurmctld purges in a loop).
MinJobAge=$MIN_JOB_AGE
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=127.0.0.1
AccountingStoragePort=$DBD_PORT
# For slurmdbd connections this names the munge socket (AuthInfo is not used for them).
AccountingStoragePass=$MUNGE_SOCKET
JobCompType=jobcomp/none
$node_line
PartitionName=$PARTITION Nodes=ALL Default=YES MaxTime=INFINITE State=UP
# Takes jobs and never starts them (DOWN): scripts/bench-slurm.sh submits there, so that slurmctld
# spends the run on the submissions it is measured with and not on starting and ending jobs.
PartitionName=$HELD_PARTITION Nodes=ALL MaxTime=INFINITE State=DOWN
EOF
  chmod 0644 "$HDIR/etc/slurm.conf"
  if [[ $CL == 24 ]]; then
    # slurmd 24.11 initialises a cgroup plugin even with proctrack/linuxproc; the chroot has no
    # cgroup file system, and the lab needs no limits.
    printf 'CgroupPlugin=disabled\n' >"$HDIR/etc/cgroup.conf"
  fi

  cat >"$HDIR/etc/slurmdbd.conf" <<EOF
# Written by fedflow's scripts/local-slurm.sh.
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$CDIR/etc/jwt.key
DbdHost=localhost
DbdAddr=127.0.0.1
DbdPort=$DBD_PORT
SlurmUser=slurm
PidFile=$CDIR/run/slurmdbd.pid
LogFile=$CDIR/log/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$DB_PORT
StorageUser=slurm$CL
StoragePass=$(cat "$META/db.pass")
StorageLoc=slurm_acct_$CL
EOF
  chown "$slurm_uid:$slurm_uid" "$HDIR/etc/slurmdbd.conf"
  chmod 0600 "$HDIR/etc/slurmdbd.conf"

  # Plain `sinfo` on the cluster finds this configuration (a site's own one is never replaced).
  local etc=$ROOT/etc/slurm/slurm.conf
  if [[ ! -e $etc || -L $etc ]]; then
    install -d "$ROOT/etc/slurm"
    ln -sfn "$CONF" "$etc"
  fi
  install -d -o "$JOB_USER" -g "$JOB_USER" -m 0755 "$ROOT/home/$JOB_USER/fedflow-jobs"
}

ensure_db_user() {
  local pass
  pass=$(cat "$META/db.pass")
  # On stdin, so the password never shows in a process list.
  # shellcheck disable=SC2119 # no arguments: mariadb reads the statements from stdin
  db_sql <<<"CREATE USER IF NOT EXISTS 'slurm$CL'@'127.0.0.1';
    ALTER USER 'slurm$CL'@'127.0.0.1' IDENTIFIED BY '$pass';
    GRANT ALL ON \`slurm_acct_$CL\`.* TO 'slurm$CL'@'127.0.0.1';"
}

ensure_associations() {
  on_cluster sacctmgr -n -P show cluster "$NAME" format=cluster | grep -qx "$NAME" ||
    on_cluster sacctmgr -i add cluster "$NAME" >/dev/null
  on_cluster sacctmgr -n -P show account "$ACCOUNT" format=account | grep -qx "$ACCOUNT" ||
    on_cluster sacctmgr -i add account "$ACCOUNT" cluster="$NAME" description=fedflow organization=fedflow >/dev/null
  on_cluster sacctmgr -n -P show user "$JOB_USER" format=user | grep -qx "$JOB_USER" ||
    on_cluster sacctmgr -i add user "$JOB_USER" account="$ACCOUNT" cluster="$NAME" >/dev/null
}

# ---------------------------------------------------------------------------------------------
# Starting one cluster.
any_alive() {
  use_cluster "$1"
  local d
  for d in "${DAEMONS[@]}"; do
    alive "$CL-$d" && return 0
  done
  return 1
}

all_alive() {
  use_cluster "$1"
  local d
  for d in "${DAEMONS[@]}"; do
    alive "$CL-$d" || return 1
  done
  alive mariadb
}

node_idle() { [[ $(on_cluster sinfo -h -N -o %T | head -1) == idle ]]; }
# The node's state without the `*` that marks a node not responding.
node_responding() { [[ $(on_cluster sinfo -h -N -o %T | head -1) != *'*' ]]; }

rest_ping() {
  curl -sf -o /dev/null -H @"$META/auth-headers" "http://127.0.0.1:$REST_PORT/$1"
}

# launch_daemon DAEMON: starts one daemon of the current cluster and waits until it serves (for
# slurmd: until the node is idle on a start, until it answers slurmctld on a restart, as jobs may
# hold the node).
launch_daemon() {
  local d=$1 restarting=${2:-}
  local -a pre=() dpre=()
  [[ -n $ROOT ]] && pre=(chroot "$ROOT")
  dpre=("${pre[@]}" env PATH="$SYS_PATH" SLURM_CONF="$CONF")
  case $d in
    munged)
      launch "$CL-munged" "${pre[@]}" setpriv --reuid=munge --regid=munge --init-groups \
        /usr/sbin/munged --foreground --socket="$MUNGE_SOCKET" --key-file="$CDIR/munge/munge.key" \
        --pid-file="$CDIR/munge/munged.pid" --log-file="$CDIR/munge/munged.log" --seed-file="$CDIR/munge/munged.seed"
      wait_for "munge socket" 20 "$CL-munged" test -S "$HDIR/munge/munge.socket"
      ;;
    slurmdbd)
      launch "$CL-slurmdbd" "${dpre[@]}" /usr/sbin/slurmdbd -D
      wait_for "slurmdbd on port $DBD_PORT" 60 "$CL-slurmdbd" port_open "$DBD_PORT"
      ;;
    slurmctld)
      launch "$CL-slurmctld" "${dpre[@]}" /usr/sbin/slurmctld -D -f "$CONF"
      wait_for "slurmctld answering" 60 "$CL-slurmctld" on_cluster scontrol ping
      ;;
    slurmd)
      launch "$CL-slurmd" "${dpre[@]}" /usr/sbin/slurmd -D -f "$CONF"
      if [[ -n $restarting ]]; then
        wait_for "node $(hostname -s) responding" 60 "$CL-slurmd" node_responding
      else
        wait_for "node $(hostname -s) idle" 60 "$CL-slurmd" node_idle
      fi
      ;;
    slurmrestd)
      launch "$CL-slurmrestd" "${pre[@]}" setpriv --reuid="$REST_USER" --regid="$REST_USER" --init-groups \
        env PATH="$SYS_PATH" SLURM_CONF="$CONF" SLURM_JWT=daemon \
        /usr/sbin/slurmrestd -a rest_auth/jwt "127.0.0.1:$REST_PORT"
      wait_for "slurmrestd answering on port $REST_PORT" 60 "$CL-slurmrestd" rest_ping openapi/v3
      ;;
    *) die "unknown daemon '$d' (expected one of ${DAEMONS[*]})" ;;
  esac
}

# restart_daemon CLUSTER DAEMON: stops one daemon by its recorded pid and starts it again with the
# configuration the script writes now (so a changed slurm.conf reaches slurmctld). Jobs survive:
# slurmctld saves its state on TERM and reloads it, slurmstepd outlives slurmd.
restart_daemon() {
  use_cluster "$1"
  local d=$2 t0
  [[ " ${DAEMONS[*]} " == *" $d "* ]] || die "unknown daemon '$d' (expected one of ${DAEMONS[*]})"
  any_alive "$CL" || die "cluster $CL is not running: '$0 start $CL' first"
  write_cluster_files
  t0=$(now)
  stop_key "$CL-$d"
  # A process that is exiting has no command line any more but may still hold its sockets: a
  # slurmrestd started then exited with "Unable to bind socket: Address already in use".
  local port=""
  case $d in
    slurmctld) port=$CTLD_PORT ;;
    slurmd) port=$SLURMD_PORT ;;
    slurmdbd) port=$DBD_PORT ;;
    slurmrestd) port=$REST_PORT ;;
  esac
  [[ -z $port ]] || wait_for "port $port to be free" 30 "" port_closed "$port"
  say "[$CL] starting $d"
  launch_daemon "$d" restarting
  timing "[$CL] restart of $d, stop to serving" "$(since "$t0")"
}

start_cluster() {
  use_cluster "$1"
  if all_alive "$CL"; then
    say "[$CL] already running"
    write_token
    start_sshd
    return 0
  fi
  if any_alive "$CL"; then
    say "[$CL] only partly running: stopping what is left, then starting again"
    stop_cluster "$CL"
    use_cluster "$1"
  fi
  local p t0
  for p in "$CTLD_PORT:slurmctld" "$SLURMD_PORT:slurmd" "$DBD_PORT:slurmdbd" "$REST_PORT:slurmrestd"; do
    require_free_port "${p%%:*}" "${p#*:}"
  done

  [[ -n $ROOT ]] && mount_chroot
  say "[$CL] writing $NAME's configuration under $HDIR"
  write_cluster_files
  t0=$(now)
  say "[$CL] starting munged, slurmdbd, slurmctld, slurmd, slurmrestd"
  launch_daemon munged
  ensure_mariadb
  ensure_db_user
  launch_daemon slurmdbd
  ensure_associations
  launch_daemon slurmctld
  launch_daemon slurmd
  timing "[$CL] start to node idle" "$(since "$t0")"
  write_token
  launch_daemon slurmrestd
  curl -sf -H @"$META/auth-headers" -o "$META/openapi.json" "http://127.0.0.1:$REST_PORT/openapi/v3"
  jq -r '.paths | keys[]' "$META/openapi.json" |
    sed -nE 's#^/slurm/(v[0-9.]+)/.*#\1#p' | sort -uV | paste -sd' ' >"$META/api-versions"
  jq -r '.paths | keys[]' "$META/openapi.json" |
    sed -nE 's#^/slurmdb/(v[0-9.]+)/.*#\1#p' | sort -uV | paste -sd' ' >"$META/db-api-versions"
  on_cluster scontrol --version | awk '{ print $2 }' >"$META/slurm-version"
  timing "[$CL] start to REST answering" "$(since "$t0")"
  start_sshd
}

# A fresh token for the job user, in a 0600 file; also the header file curl reads it from.
write_token() {
  local token
  token=$(on_cluster scontrol token username="$JOB_USER" lifespan="$TOKEN_LIFESPAN" | sed -n 's/^SLURM_JWT=//p')
  [[ -n $token ]] || die "scontrol token printed no token"
  (
    umask 077
    printf '%s\n' "$token" >"$META/token"
    printf 'X-SLURM-USER-NAME: %s\nX-SLURM-USER-TOKEN: %s\n' "$JOB_USER" "$token" >"$META/auth-headers"
  )
  # A developer who ran `sudo` can read the token without being root.
  if [[ -n ${SUDO_USER:-} ]] && id -u "$SUDO_USER" >/dev/null 2>&1; then
    chown "$SUDO_USER" "$META/token"
  fi
}

stop_cluster() {
  use_cluster "$1"
  stop_sshd
  any_alive "$CL" || { [[ $CL == 24 ]] && umount_chroot; return 0; }
  say "[$CL] stopping"
  # Jobs still running would leave slurmstepd behind: cancel them first.
  if alive "$CL-slurmctld"; then
    local ids i
    ids=$(on_cluster squeue -h -o %i 2>/dev/null | paste -sd' ' || true)
    if [[ -n $ids ]]; then
      say "  cancelling jobs $ids"
      # shellcheck disable=SC2086 # one argument per job id
      on_cluster scancel $ids || true
      for ((i = 0; i < 50; i++)); do
        [[ -z $(on_cluster squeue -h -o %i 2>/dev/null) ]] && break
        sleep 0.2
      done
    fi
  fi
  local d
  for d in slurmrestd slurmd slurmctld slurmdbd munged; do
    stop_key "$CL-$d"
  done
  [[ $CL == 24 ]] && umount_chroot
  return 0
}

# ---------------------------------------------------------------------------------------------
# What tests and users read: one block of exports per running cluster.
env_text() {
  local c
  printf '# fedflow local Slurm lab, written by scripts/local-slurm.sh. One export per line, values in\n'
  printf "# single quotes and never containing one.\n"
  printf "export FEDFLOW_SLURM_LAB='%s'\n" "$LAB"
  local running=()
  for c in 22 24; do all_alive "$c" && running+=("$c"); done
  printf "export FEDFLOW_SLURM_CLUSTERS='%s'\n" "${running[*]}"
  for c in "${running[@]}"; do
    use_cluster "$c"
    local exec_prefix="runuser -u $JOB_USER --"
    [[ -n $ROOT ]] && exec_prefix="chroot $ROOT $exec_prefix"
    local p=FEDFLOW_SLURM$c
    printf "export %s_URL='%s'\n" "$p" "http://127.0.0.1:$REST_PORT"
    printf "export %s_SLURM_VERSION='%s'\n" "$p" "$(cat "$META/slurm-version")"
    printf "export %s_API_VERSIONS='%s'\n" "$p" "$(cat "$META/api-versions")"
    printf "export %s_DB_API_VERSIONS='%s'\n" "$p" "$(cat "$META/db-api-versions")"
    printf "export %s_USER='%s'\n" "$p" "$JOB_USER"
    printf "export %s_TOKEN_FILE='%s'\n" "$p" "$META/token"
    printf "export %s_CLUSTER='%s'\n" "$p" "$NAME"
    printf "export %s_PARTITION='%s'\n" "$p" "$PARTITION"
    printf "export %s_HELD_PARTITION='%s'\n" "$p" "$HELD_PARTITION"
    printf "export %s_ACCOUNT='%s'\n" "$p" "$ACCOUNT"
    printf "export %s_WORKDIR='%s'\n" "$p" "/home/$JOB_USER/fedflow-jobs"
    printf "export %s_ROOT='%s'\n" "$p" "$ROOT"
    printf "export %s_EXEC='%s'\n" "$p" "$exec_prefix env SLURM_CONF=$CONF"
    ssh_env_text
  done
}

# A fedflow sites file (docs/site-config.md) naming the given clusters as REST sites lab22, lab24
# (TRANSPORT rest) or as SSH sites lab22-ssh, lab24-ssh (TRANSPORT ssh). sites_text TRANSPORT CLUSTER...
sites_text() {
  local transport=$1
  shift
  local c
  printf '# fedflow sites of the local Slurm lab, written by scripts/local-slurm.sh when it starts or\n'
  printf '# stops a cluster. Use: fedflow run WORKFLOW --sites %s/sites.yaml\n' "$LAB"
  printf 'version: 1\nsites:\n'
  for c in "$@"; do
    use_cluster "$c"
    if [[ $transport == ssh ]]; then
      printf '  lab%s-ssh:\n' "$c"
      printf '    type: slurm\n'
      printf '    transport: ssh\n'
      printf "    host: '127.0.0.1'\n"
      printf "    port: '%s'\n" "$(ssh_port)"
      printf "    identityFile: '%s'\n" "$SSH_DIR/fedflow-user"
      printf "    knownHosts: '%s'\n" "$SSH_DIR/known_hosts"
    else
      printf '  lab%s:\n' "$c"
      printf '    type: slurm\n'
      printf "    url: 'http://127.0.0.1:%s'\n" "$REST_PORT"
      printf "    token: 'file:%s'\n" "$META/token"
    fi
    printf "    user: '%s'\n" "$JOB_USER"
    printf "    workdir: '/home/%s/fedflow-jobs'\n" "$JOB_USER"
    printf "    partition: '%s'\n" "$PARTITION"
    printf "    account: '%s'\n" "$ACCOUNT"
    printf '    partitions:\n'
    printf "      '%s': {cpusPerNode: %s, gpusPerNode: 0, maxNodes: 1}\n" "$PARTITION" "$FAKE_CPUS"
  done
}

# The sites files: sites.yaml with every running cluster through both transports, sites-22.yaml and
# sites-24.yaml with one each over REST, sites-22-ssh.yaml and sites-24-ssh.yaml over SSH; a file whose clusters are not running is removed, so a stale one never points at nothing.
write_sites() {
  local c running=()
  for c in 22 24; do
    if all_alive "$c"; then
      running+=("$c")
      sites_text rest "$c" >"$LAB/sites-$c.yaml.tmp"
      mv "$LAB/sites-$c.yaml.tmp" "$LAB/sites-$c.yaml"
      sites_text ssh "$c" >"$LAB/sites-$c-ssh.yaml.tmp"
      mv "$LAB/sites-$c-ssh.yaml.tmp" "$LAB/sites-$c-ssh.yaml"
    else
      rm -f "$LAB/sites-$c.yaml" "$LAB/sites-$c-ssh.yaml"
    fi
  done
  if ((${#running[@]} > 0)); then
    { sites_text rest "${running[@]}" && sites_text ssh "${running[@]}" | sed '1,/^sites:$/d'; } >"$LAB/sites.yaml.tmp"
    mv "$LAB/sites.yaml.tmp" "$LAB/sites.yaml"
  else
    rm -f "$LAB/sites.yaml"
  fi
}

write_env() {
  env_text >"$LAB/env.tmp"
  mv "$LAB/env.tmp" "$LAB/env"
  write_sites
}

# ---------------------------------------------------------------------------------------------
# Smoke check: one tiny job per running cluster through the REST API.
rest() { # rest METHOD PATH [JSON]
  local -a data=()
  [[ $# -ge 3 ]] && data=(-H 'Content-Type: application/json' --data-binary "$3")
  curl -s -X "$1" -H @"$META/auth-headers" "${data[@]}" "http://127.0.0.1:$REST_PORT$2"
}

over() { awk -v a="$1" -v b="$EPOCHREALTIME" -v s="$2" 'BEGIN { exit !(b - a > s) }'; }

check_cluster() {
  use_cluster "$1"
  local v dbv body id state t0 wd=/home/$JOB_USER/fedflow-jobs
  v=$(awk '{ print $NF }' "$META/api-versions")
  dbv=$(awk '{ print $NF }' "$META/db-api-versions")
  # shellcheck disable=SC2016 # expanded by the job, not here
  local script='#!/bin/bash
echo "job $SLURM_JOB_ID ran on $(hostname) as $(id -un), FEDFLOW_CHECK=$FEDFLOW_CHECK"
'
  # v0.0.38: script beside the job, environment an object, time_limit in minutes.
  # v0.0.40 and later: script inside the job, environment a list of K=V, numbers as {set, number}.
  local -a args=(--arg script "$script" --arg p "$PARTITION" --arg wd "$wd")
  if [[ $v == v0.0.3* ]]; then
    body=$(jq -nc "${args[@]}" '{script: $script, job: {name: "fedflow-check", partition: $p,
      current_working_directory: $wd, standard_output: ($wd + "/check-%j.out"), time_limit: 1,
      environment: {PATH: "/usr/bin:/bin", FEDFLOW_CHECK: "yes"}}}')
  else
    body=$(jq -nc "${args[@]}" '{job: {script: $script, name: "fedflow-check", partition: $p,
      current_working_directory: $wd, standard_output: ($wd + "/check-%j.out"),
      time_limit: {set: true, number: 1}, environment: ["PATH=/usr/bin:/bin", "FEDFLOW_CHECK=yes"]}}')
  fi
  t0=$(now)
  id=$(rest POST "/slurm/$v/job/submit" "$body" | jq -r '.job_id // empty')
  [[ -n $id ]] || die "[$CL] submit through /slurm/$v/job/submit returned no job id"
  say "[$CL] job $id submitted through /slurm/$v/job/submit"
  for ((;;)); do
    state=$(rest GET "/slurm/$v/job/$id" | jq -r '.jobs[0].job_state | if type == "array" then .[0] else . end')
    case $state in
      COMPLETED) break ;;
      FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE)
        die "[$CL] job $id ended $state" ;;
    esac
    over "$t0" 60 && die "[$CL] job $id still '$state' after 60 s"
    sleep 0.1
  done
  timing "[$CL] submit to COMPLETED in /slurm/$v" "$(since "$t0")"
  say "  output: $(cat "$ROOT$wd/check-$id.out")"
  [[ -n $dbv ]] || return 0
  for ((;;)); do
    state=$(rest GET "/slurmdb/$dbv/job/$id" | jq -r '.jobs[0].state.current | if type == "array" then .[0] else . end')
    [[ $state == COMPLETED ]] && break
    over "$t0" 60 && die "[$CL] /slurmdb/$dbv/job/$id says '$state' after 60 s"
    sleep 0.2
  done
  timing "[$CL] submit to COMPLETED in /slurmdb/$dbv" "$(since "$t0")"
}

# ---------------------------------------------------------------------------------------------
choose_clusters() { # sets CLUSTERS
  case ${1:-both} in
    22) CLUSTERS=(22) ;;
    24) CLUSTERS=(24) ;;
    both) CLUSTERS=(22 24) ;;
    *) die "expected 22, 24 or both, not '$1'" ;;
  esac
}

usage() {
  cat >&2 <<EOF
usage: $0 start [22|24|both]   install what is missing and start the cluster(s) (default both)
       $0 stop [22|24|both]    stop the daemons this script started (default both)
       $0 restart 22|24 DAEMON stop one daemon (munged, slurmdbd, slurmctld, slurmd, slurmrestd) by
                               its recorded pid and start it again, with the configuration rewritten
       $0 status               show each recorded daemon
       $0 env                  print the export lines tests read (also in \$FEDFLOW_SLURM_LAB/env)
       $0 check                run one job through each running cluster's REST API
       $0 clean                stop everything and delete the lab folder ($LAB)
EOF
  exit 2
}

# A start that fails half-way stops what it started, so nothing is left running behind an error.
STARTING=""
undo_failed_start() {
  local rc=$?
  ((rc != 0)) || return 0
  trap - EXIT
  if [[ -n $STARTING ]]; then
    say "local-slurm: starting cluster $STARTING failed; stopping what was started"
    stop_cluster "$STARTING" || true
  fi
  stop_mariadb_if_unused || true
  write_env || true
  exit "$rc"
}

need_root() { ((EUID == 0)) || die "run me as root (it installs packages, writes $LAB and starts daemons)"; }

main() {
  local cmd=${1:-} c
  [[ $LAB == /* && $LAB != *[[:space:]]* ]] || die "FEDFLOW_SLURM_LAB must be an absolute path without spaces"
  case $cmd in
    start)
      need_root
      choose_clusters "${2:-both}"
      install -d -m 0755 "$LAB" "$LAB/pids"
      trap undo_failed_start EXIT
      install_host_packages "${CLUSTERS[*]}"
      for c in "${CLUSTERS[@]}"; do
        use_cluster "$c"
        install -d -m 0755 "$META"
        ensure_host_users
        if [[ $c == 24 ]]; then
          ensure_chroot
          ensure_chroot_users
        fi
        STARTING=$c
        start_cluster "$c"
        STARTING=""
      done
      trap - EXIT
      write_env
      cat "$LAB/env"
      say "fedflow sites file: $LAB/sites.yaml (fedflow run WORKFLOW --sites $LAB/sites.yaml)"
      ;;
    stop)
      need_root
      [[ -d $LAB/pids ]] || { say "nothing to stop"; return 0; }
      choose_clusters "${2:-both}"
      for c in "${CLUSTERS[@]}"; do stop_cluster "$c"; done
      stop_mariadb_if_unused
      write_env
      ;;
    restart)
      need_root
      [[ $# -eq 3 && ($2 == 22 || $2 == 24) ]] || usage
      restart_daemon "$2" "$3"
      write_env # repairs an env file that a concurrent start or stop wrote without this cluster
      ;;
    status)
      [[ -d $LAB/pids ]] || { say "no lab at $LAB"; return 0; }
      local key f
      for f in "$LAB"/pids/*.pid; do
        [[ -e $f ]] || continue
        key=$(basename "$f" .pid)
        if alive "$key"; then
          printf '%-16s running  pid %s\n' "$key" "$(sed -n 1p "$f")"
        else
          printf '%-16s gone     pid %s\n' "$key" "$(sed -n 1p "$f")"
        fi
      done
      for c in 22 24; do
        if all_alive "$c"; then printf 'cluster %s: up at http://127.0.0.1:%s\n' "$c" "$REST_PORT"; fi
      done
      ;;
    env)
      [[ -d $LAB/pids ]] || die "no lab at $LAB: run '$0 start' first"
      if [[ -w $LAB ]]; then write_env; fi
      env_text
      ;;
    check)
      need_root
      local any=""
      for c in 22 24; do
        if all_alive "$c"; then
          check_cluster "$c"
          any=1
        fi
      done
      [[ -n $any ]] || die "no cluster is running: run '$0 start' first"
      say "measured figures so far ($LAB/timings.log):"
      cat "$LAB/timings.log" >&2
      ;;
    clean)
      need_root
      [[ -d $LAB ]] || return 0
      if [[ -d $LAB/pids ]]; then
        for c in 22 24; do stop_cluster "$c"; done
        stop_key mariadb
      fi
      grep -q " $LAB/" /proc/mounts && die "something is still mounted below $LAB; not deleting"
      rm -rf --one-file-system -- "$LAB"
      say "deleted $LAB (packages and the users $JOB_USER, $REST_USER stay: see docs/local-slurm.md)"
      ;;
    *) usage ;;
  esac
}

main "$@"
