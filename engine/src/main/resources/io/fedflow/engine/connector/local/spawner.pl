# fedflow spawner, written by the local connector into its state folder and run as
# "perl spawner-<hash>.pl", one per engine process. It starts the engine's jobs and writes each
# one's exit code into its attempt folder, and it outlives the engine: when the engine goes (its
# requests pipe closes), it goes on reaping until its last job ends, then exits.
#
# Requests on stdin, each a count N then N fields, every one ended by a NUL (no shell parsing):
#   launch SEQ ATTEMPT_DIR WORKDIR STDIN STDOUT STDERR NENV KEY=VALUE... PROGRAM ARG...
#   signal SIGNAL PGID...
# STDIN "" is /dev/null; STDERR equal to STDOUT shares its file. Answers on stdout, one a line:
#   R PID          ready (first line)
#   S SEQ PID      launched; the job leads a session and a process group of its own
#   N SEQ          not launched: the attempt was claimed by someone else, or cancelled first
#   F SEQ MESSAGE  not launched: fork failed, and the attempt was claimed as never-started
#   X PID CODE     the job ended, its exit code (128+N for signal N) written to ATTEMPT_DIR
#
# A launch claims the attempt by creating ATTEMPT_DIR/pid exclusively, holding
# "JOBPID JOBSTART SPAWNERPID SPAWNERSTART" (start times are field 22 of /proc/PID/stat, which
# tell a process from a later one with the same pid), and runs the job only if it got the claim
# and ATTEMPT_DIR/cancelled does not exist. exit-code is written to a temporary file renamed
# into place. Every file ends with a newline: a reader takes one without as not yet written.
use strict;
use warnings;
use POSIX ();

POSIX::setsid(); # a SIGKILL of the engine's process group does not reach us
$SIG{PIPE} = 'IGNORE'; # a write to a gone engine fails instead of killing us
$| = 1;
my $engine = 1; # whether the engine still reads our answers
my %jobs; # pid => attempt folder, for the jobs whose exit code we record
my $me = "$$ " . start_ticks($$);

sub start_ticks {
  open(my $f, '<', "/proc/$_[0]/stat") or return '?';
  my $stat = <$f>;
  $stat =~ s/.*\) //s; # the command name, in parentheses, may hold anything
  return (split / /, $stat)[19];
}

sub answer {
  $engine = 0 unless $engine && print STDOUT @_;
}

sub ended {
  my ($pid, $status) = @_;
  my $dir = delete $jobs{$pid} // return;
  my $code = ($status & 127) ? 128 + ($status & 127) : $status >> 8;
  my $f;
  unless (open($f, '>', "$dir/exit-code.tmp") && print($f "$code\n") && close($f)
    && rename("$dir/exit-code.tmp", "$dir/exit-code")) {
    warn "fedflow spawner: cannot write $dir/exit-code: $!\n";
  }
  answer("X $pid $code\n");
}

# Called from the main loop and as SIGCHLD's handler, which perl may run between any two of its
# statements, this one's too: a reap inside a reap would take $? from under the outer one (seen:
# exit code 255 for a job of `true`), so the inner one leaves the work to the outer.
my $reaping = 0;

sub reap {
  return if $reaping;
  $reaping = 1;
  while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
    ended($pid, $?);
  }
  $reaping = 0;
}

$SIG{CHLD} = \&reap;

# The next NUL-ended field of the requests, or undef once the engine has closed the pipe. Perl
# runs a signal's handler only between statements, so a SIGCHLD that came just before a blocking
# read would wait there for the next request (seen: a run waiting forever on two unreaped jobs):
# requests are read with select and a short timeout instead, and every wait ends with a reap.
my $requests = '';
my $closed = 0;

sub field {
  while (1) {
    my $end = index($requests, "\0");
    if ($end >= 0) {
      my $f = substr($requests, 0, $end);
      substr($requests, 0, $end + 1, '');
      return $f;
    }
    return undef if $closed;
    my $readable = '';
    vec($readable, fileno(STDIN), 1) = 1;
    my $ready = select($readable, undef, undef, 0.2);
    reap();
    next if $ready <= 0; # the timeout, or a signal
    my $n = sysread(STDIN, $requests, 65536, length $requests);
    next if !defined $n && $!{EINTR};
    $closed = 1 unless $n;
  }
}

sub launch {
  my ($seq, $dir, $wd, $in, $out, $err, $nenv, @rest) = @_;
  my @env = splice(@rest, 0, $nenv);
  # No reaping between the fork and the record of the child in %jobs.
  my $chld = POSIX::SigSet->new(POSIX::SIGCHLD());
  my $mask = POSIX::SigSet->new();
  POSIX::sigprocmask(POSIX::SIG_BLOCK(), $chld, $mask);
  pipe(my $go_in, my $go_out) or die "fedflow spawner: pipe: $!\n";
  my $pid = fork();
  if (!defined $pid) {
    my $why = "$!";
    claim("$dir/pid", "never-started\n"); # a site fault: the engine tries again
    answer("F $seq cannot fork: $why\n");
  } elsif ($pid == 0) {
    close($go_out);
    child($go_in, $mask, $wd, $in, $out, $err, \@env, \@rest);
  } else {
    close($go_in);
    my $claim = "$pid " . start_ticks($pid) . " $me\n";
    if (claim("$dir/pid", $claim) && !-e "$dir/cancelled") {
      $jobs{$pid} = $dir;
      syswrite($go_out, 'g');
      answer("S $seq $pid\n");
    } else {
      answer("N $seq\n"); # the child reads no go, exits, and is reaped with nothing written
    }
    close($go_out);
  }
  POSIX::sigprocmask(POSIX::SIG_SETMASK(), $mask);
}

sub claim {
  my ($path, $text) = @_;
  sysopen(my $f, $path, POSIX::O_WRONLY() | POSIX::O_CREAT() | POSIX::O_EXCL()) or return 0;
  syswrite($f, $text);
  close($f);
  return 1;
}

# The job's side of the fork: a session of its own first, so that a cancel that signals its
# group once the claim is written reaches it; then the go, the streams, the folder, the env.
sub child {
  my ($go, $mask, $wd, $in, $out, $err, $env, $argv) = @_;
  POSIX::setsid();
  $SIG{$_} = 'DEFAULT' for qw(CHLD PIPE);
  POSIX::sigprocmask(POSIX::SIG_SETMASK(), POSIX::SigSet->new());
  POSIX::_exit(0) unless sysread($go, my $byte, 1);
  # Closed first, so that the job's stdin is a new file, never the engine's requests.
  close(STDIN);
  # stderr first: a stdout that cannot be opened is then told in it
  open(STDIN, '<', $in eq '' ? '/dev/null' : $in) or fail(126, "cannot read $in: $!");
  open(STDERR, '>', $err) or fail(126, "cannot write $err: $!") if $err ne $out;
  open(STDOUT, '>', $out) or fail(126, "cannot write $out: $!");
  open(STDERR, '>&', \*STDOUT) or fail(126, "cannot write $err: $!") if $err eq $out;
  chdir($wd) or fail(126, "cannot enter $wd: $!");
  for (@$env) {
    my ($k, $v) = split(/=/, $_, 2);
    $ENV{$k} = $v;
  }
  # A list, with the program named apart: never a shell, even for one word.
  { no warnings 'exec'; exec { $argv->[0] } @$argv; }
  fail(127, "$argv->[0]: not found") if $! == POSIX::ENOENT();
  fail(126, "$argv->[0]: $!");
}

sub fail {
  my ($code, $message) = @_;
  print STDERR "fedflow: $message\n";
  POSIX::_exit($code);
}

answer("R $$\n");
while (defined(my $n = field())) {
  my @f = map { field() } 1 .. $n;
  last if grep { !defined } @f; # the engine died in the middle of a request
  my $op = shift @f;
  if ($op eq 'launch') {
    launch(@f);
  } elsif ($op eq 'signal') {
    my $signal = shift @f;
    # a job between fork and setsid has no group yet: then signal its process
    kill($signal, -$_) or kill($signal, $_) for @f;
  } else {
    warn "fedflow spawner: unknown request $op\n";
  }
}
# The engine is gone or done with us: reap the jobs still running, then leave.
$engine = 0;
$SIG{CHLD} = 'DEFAULT';
while (%jobs) {
  my $pid = waitpid(-1, 0);
  last if $pid < 0;
  ended($pid, $?);
}
