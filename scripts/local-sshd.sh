# shellcheck shell=bash
# Sourced by local-slurm.sh: one sshd on loopback per cluster of the lab, so that fedflow's SSH
# transport is tested against a real OpenSSH driving the real Slurm commands (docs/local-slurm.md).
#   22: the host's sshd binary, 127.0.0.1:6822; 24: the chroot's sshd, 127.0.0.1:6922.
# Only the job user logs in, with a key pair made here; StrictHostKeyChecking stays on for the
# client (the lab writes its own known_hosts). Uses launch, alive, stop_key, use_cluster from
# local-slurm.sh.

SSH_DIR=$LAB/ssh # host side: the client's key pair and known_hosts

ssh_port() { printf '%s' "$((BASE_PORT + 5))"; } # 6822, 6922

# The client's key pair (files 0600, never printed) and the lab's known_hosts.
ensure_ssh_client_files() {
  install -d -m 0755 "$SSH_DIR"
  if [[ ! -f $SSH_DIR/fedflow-user ]]; then
    (umask 077 && ssh-keygen -q -t ed25519 -N '' -C "fedflow-lab-$JOB_USER" -f "$SSH_DIR/fedflow-user")
  fi
  chmod 0600 "$SSH_DIR/fedflow-user"
  # A developer who ran `sudo` can use the key without being root (ssh refuses a key others read).
  if [[ -n ${SUDO_USER:-} ]] && id -u "$SUDO_USER" >/dev/null 2>&1; then
    chown "$SUDO_USER" "$SSH_DIR/fedflow-user"
  fi
}

# OpenSSH without PAM refuses an account whose password field starts with '!' (useradd's default,
# "locked"); '*' means "no password" and lets key logins in.
unlock_for_keys() { # unlock_for_keys ROOT
  local field
  field=$(chroot "${1:-/}" getent shadow "$JOB_USER" | cut -d: -f2)
  [[ $field == '!'* ]] && chroot "${1:-/}" env PATH="$SYS_PATH" usermod -p '*' "$JOB_USER"
  return 0
}

# The cluster's sshd: configuration, host key and authorized key under the cluster's folder.
write_sshd_files() {
  local sdir=$HDIR/ssh port
  port=$(ssh_port)
  install -d -m 0755 "$sdir" "$ROOT/run/sshd"
  [[ -f $sdir/host_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C "fedflow-lab-$NAME" -f "$sdir/host_ed25519"
  chmod 0600 "$sdir/host_ed25519"
  install -m 0644 "$SSH_DIR/fedflow-user.pub" "$sdir/authorized_keys"
  cat >"$sdir/sshd_config" <<EOF
# Written by fedflow's scripts/local-sshd.sh: $JOB_USER logs in with the lab's key, nothing else.
Port $port
ListenAddress 127.0.0.1
HostKey $CDIR/ssh/host_ed25519
PidFile none
AuthorizedKeysFile $CDIR/ssh/authorized_keys
AllowUsers $JOB_USER
PermitRootLogin no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
X11Forwarding no
AllowTcpForwarding no
PrintMotd no
# Commands reach the lab's slurm.conf as they reach /etc/slurm/slurm.conf at a site.
SetEnv SLURM_CONF=$CONF
# Sessions multiplexed over one connection (ControlMaster): OpenSSH's default is 10.
MaxSessions 32
# VERBOSE logs one "Accepted publickey" line per connection: tests count them.
LogLevel VERBOSE
EOF
  # The known_hosts line of this cluster, replacing an older one.
  local line
  line="[127.0.0.1]:$port $(cut -d' ' -f1-2 "$sdir/host_ed25519.pub")"
  touch "$SSH_DIR/known_hosts"
  { grep -v "^\[127.0.0.1\]:$port " "$SSH_DIR/known_hosts" || true; printf '%s\n' "$line"; } >"$SSH_DIR/known_hosts.tmp"
  mv "$SSH_DIR/known_hosts.tmp" "$SSH_DIR/known_hosts"
  chmod 0644 "$SSH_DIR/known_hosts"
}

sshd_answers() {
  timeout 5 ssh-keyscan -T 3 -p "$1" -t ed25519 127.0.0.1 2>/dev/null | grep -q ssh-ed25519
}

# Starts the cluster's sshd unless it runs; called after the cluster's daemons are up.
start_sshd() {
  local port
  port=$(ssh_port)
  ensure_ssh_client_files
  unlock_for_keys "$ROOT"
  write_sshd_files
  alive "$CL-sshd" && return 0
  require_free_port "$port" sshd
  local -a pre=()
  if [[ -n $ROOT ]]; then
    pre=(chroot "$ROOT")
    # Terminals for a user who logs in by hand (fedflow's commands use none).
    grep -q " $ROOT/dev/pts " /proc/mounts || mount --bind /dev/pts "$ROOT/dev/pts"
  fi
  # sshd re-executes itself, so it needs its absolute path; -D keeps it in the foreground, -E
  # sends its log to a file.
  launch "$CL-sshd" "${pre[@]}" /usr/sbin/sshd -D -f "$CDIR/ssh/sshd_config" -E "$CDIR/ssh/sshd.log"
  wait_for "sshd answering on port $port" 30 "$CL-sshd" sshd_answers "$port"
  say "[$CL] sshd for $JOB_USER on 127.0.0.1:$port"
}

stop_sshd() {
  stop_key "$CL-sshd"
  if [[ -n $ROOT ]] && grep -q " $ROOT/dev/pts " /proc/mounts; then
    umount "$ROOT/dev/pts" || say "  could not unmount $ROOT/dev/pts (still in use?)"
  fi
  return 0
}

# The exports of one cluster's SSH access.
ssh_env_text() {
  local p=FEDFLOW_SLURM$CL
  alive "$CL-sshd" || return 0
  printf "export %s_SSH_HOST='%s'\n" "$p" 127.0.0.1
  printf "export %s_SSH_PORT='%s'\n" "$p" "$(ssh_port)"
  printf "export %s_SSH_KEY='%s'\n" "$p" "$SSH_DIR/fedflow-user"
  printf "export %s_SSH_KNOWN_HOSTS='%s'\n" "$p" "$SSH_DIR/known_hosts"
  printf "export %s_SSH_LOG='%s'\n" "$p" "$HDIR/ssh/sshd.log"
}
