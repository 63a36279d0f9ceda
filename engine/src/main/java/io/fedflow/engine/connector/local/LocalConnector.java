package io.fedflow.engine.connector.local;

import io.fedflow.dag.JobSpec;
import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.connector.local.AttemptFolder.Claim;
import io.fedflow.engine.connector.local.AttemptFolder.Launched;
import io.fedflow.engine.connector.local.AttemptFolder.NeverStarted;
import io.fedflow.engine.connector.local.AttemptFolder.Unfinished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs jobs as processes on this machine (Linux: it reads /proc). Each attempt runs in a session of
 * its own, started by the engine's {@link Spawner} (or a {@link Launcher} of its own), and
 * everything known of it lives in its attempt folder ({@link AttemptFolder}), so a job survives the
 * engine and a new engine process reads its outcome with no state carried over. A job's native id
 * is the absolute path of its attempt folder. The jobs this engine started are known to run until
 * their starter says they ended, so polling them reads no file until then.
 *
 * <p>The job's process: its program as an argument list ({@link ProgramArgv}); the engine's
 * environment plus the job's {@code env}; working directory the job's {@code workdir} resolved
 * against the submission's workdir, or that workdir, created if missing; {@code stdin}, {@code
 * stdout} and {@code stderr} resolved against the working directory, by default {@code /dev/null}
 * and {@code stdout}, {@code stderr} in the attempt folder. A relative {@code scriptFile} is
 * resolved against the submission's workdir: the engine should make it absolute against the
 * workflow file's folder.
 *
 * <p>A job starts only when its cpus and memory fit in what running jobs leave; otherwise submit
 * fails with a transient error and the engine tries again later (a local job is never QUEUED).
 */
final class LocalConnector implements Connector {
  private static final Logger LOG = LogManager.getLogger(LocalConnector.class);

  private final String site;
  private final Starter starter;
  private final TokenIndex tokens;
  private final Slots slots;
  private final Watchdog watchdog;

  /** The jobs this engine started, by attempt folder, until they are seen ended. */
  private final Map<String, Started> launched = new ConcurrentHashMap<>();

  private LocalConnector(String site, LocalSettings settings, Starter starter)
      throws ConnectorException {
    this.site = site;
    this.starter = starter;
    this.tokens = new TokenIndex(settings.stateDir());
    this.slots = new Slots(settings.cpus(), settings.memory());
    this.watchdog = new Watchdog(starter, settings.killGrace());
  }

  static LocalConnector open(SiteConfig site) throws ConnectorException {
    LocalSettings settings = LocalSettings.of(site);
    Starter starter = starter(site.name(), settings);
    try {
      return new LocalConnector(site.name(), settings, starter);
    } catch (ConnectorException e) {
      starter.close();
      throw e;
    }
  }

  /** The spawner when perl runs here (or the sh launcher, when chosen or when perl does not). */
  private static Starter starter(String site, LocalSettings settings) throws ConnectorException {
    if (settings.launcher() == LocalSettings.Launch.SH) {
      return Launcher.install(settings.stateDir());
    }
    String perl = Launcher.onPath("perl");
    try {
      if (perl == null) {
        throw new ConnectorException(
            "site " + site + ": the spawner needs perl, found none", false);
      }
      return Spawner.open(settings.stateDir(), perl);
    } catch (ConnectorException e) {
      if (settings.launcher() == LocalSettings.Launch.SPAWNER) {
        throw e;
      }
      LOG.warn(
          "{}; jobs start through the sh launcher instead, a few milliseconds slower each",
          e.getMessage());
      return Launcher.install(settings.stateDir());
    }
  }

  /** Wakes the engine when a job it started ends, so that it polls at once. */
  @Override
  public void onNews(Runnable wake) {
    starter.onNews(wake);
  }

  @Override
  public SiteJob submit(Submission submission) throws ConnectorException {
    TokenIndex.check(submission.token());
    String job = submission.instance().id();
    Limits limits = Limits.of(submission.instance().spec().resources());
    slots.checkFitsMachine(job, limits);
    AttemptFolder folder = new AttemptFolder(submission.attemptDir().toAbsolutePath().normalize());
    String key = folder.dir().toString();
    SiteJob siteJob = new SiteJob(site, key, submission.token());
    try {
      if (submittedAlready(submission.token(), folder)) {
        return siteJob;
      }
    } catch (IOException e) {
      throw new ConnectorException(job + ": cannot read " + folder.dir() + ": " + e, false, e);
    }
    if (!slots.tryHold(key, limits)) {
      throw new ConnectorException(job + ": " + slots.busy(), true);
    }
    try {
      launched.put(key, launch(submission, folder, limits));
    } catch (ConnectorException e) {
      slots.release(key);
      throw e;
    }
    if (limits.walltime() != null) {
      watchdog.watch(folder, limits.walltime(), Instant.now());
    }
    return siteJob;
  }

  /**
   * Whether this token's attempt runs or ran already, so that submitting it again changes nothing.
   * An attempt that a recovering engine declared never started is released to launch again; a
   * launcher of the crashed engine that has not claimed it yet may then race the new one, and the
   * exclusive claim lets only one of them run the job.
   */
  private boolean submittedAlready(String token, AttemptFolder folder) throws IOException {
    Claim claim = folder.claim();
    if (claim instanceof NeverStarted) {
      folder.releaseNeverStarted();
      return false;
    }
    if (tokens.lookup(token) == null) {
      return false;
    }
    if (claim instanceof Launched || claim instanceof Unfinished) {
      return true;
    }
    Started ours = launched.get(folder.dir().toString());
    return ours != null && ours.isAlive();
  }

  private Started launch(Submission s, AttemptFolder folder, Limits limits)
      throws ConnectorException {
    String job = s.instance().id();
    JobSpec spec = s.instance().spec();
    Path base = s.workdir().toAbsolutePath();
    ProcessPlan plan;
    try {
      Files.createDirectories(folder.dir());
      if (!limits.equals(Limits.DEFAULT)) {
        folder.write(AttemptFolder.LIMITS, limits.text());
      }
      tokens.record(s.token(), folder.dir());
      Path workdir = spec.workdir() == null ? base : base.resolve(spec.workdir());
      Files.createDirectories(workdir);
      List<String> argv = ProgramArgv.of(job, spec.program(), folder, base);
      Path stdin = spec.stdin() == null ? null : workdir.resolve(spec.stdin());
      if (stdin != null && !Files.isReadable(stdin)) {
        throw new ConnectorException(job + ": cannot read stdin file " + stdin, false);
      }
      Path stdout = output(workdir, spec.stdout(), folder.file("stdout"));
      Path stderr = output(workdir, spec.stderr(), folder.file("stderr"));
      plan = new ProcessPlan(folder, argv, workdir, spec.env(), stdin, stdout, stderr);
    } catch (IOException e) {
      throw new ConnectorException(job + ": " + e.getMessage(), false, e);
    }
    try {
      return starter.start(plan);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException(job + ": " + e.getMessage(), false, e);
    } catch (IOException e) {
      throw new ConnectorException(job + ": " + e.getMessage(), true, e); // maybe later
    }
  }

  private static Path output(Path workdir, String path, Path otherwise) throws IOException {
    Path file = path == null ? otherwise : workdir.resolve(path);
    Files.createDirectories(file.toAbsolutePath().getParent());
    return file;
  }

  @Override
  public Map<SiteJob, Observation> poll(Collection<SiteJob> jobs) throws ConnectorException {
    Map<SiteJob, Observation> states = new LinkedHashMap<>();
    for (SiteJob job : jobs) {
      states.put(job, observe(job));
    }
    return states;
  }

  private Observation observe(SiteJob job) throws ConnectorException {
    AttemptFolder folder = new AttemptFolder(Path.of(job.nativeId()));
    if (!Files.isDirectory(folder.dir())) {
      return new Observation(
          SiteState.UNKNOWN,
          null,
          null,
          null,
          false,
          "no attempt folder " + job.nativeId(),
          null,
          null);
    }
    String key = folder.dir().toString();
    Started ours = launched.get(key);
    if (ours != null && ours.isAlive()) {
      return Observation.running(ours.started());
    }
    if (ours == null && folder.exit() == null) {
      settle(folder); // a job of an engine gone: wait out its claim, or stop it from starting
    }
    Observation o = Outcomes.observe(folder);
    switch (o.state()) {
      case SUCCEEDED, FAILED, CANCELLED -> {
        launched.remove(key);
        slots.release(key);
        watchdog.unwatch(folder);
      }
      case RUNNING -> adopt(folder, o.started());
      default -> {}
    }
    return o;
  }

  /** Holds room for a job this engine did not start, and watches its walltime. */
  private void adopt(AttemptFolder folder, Instant started) {
    String key = folder.dir().toString();
    if (slots.holds(key)) {
      return;
    }
    Limits limits = Limits.read(folder);
    slots.hold(key, limits);
    if (limits.walltime() != null && !watchdog.watches(folder)) {
      watchdog.watch(folder, limits.walltime(), started != null ? started : Instant.now());
    }
  }

  /**
   * Settles the claim of an attempt this engine did not launch: an unclaimed attempt is claimed as
   * never started (a launcher of a crashed engine that comes later does nothing), and a claim being
   * written is waited for, up to a second.
   */
  private static Claim settle(AttemptFolder folder) throws ConnectorException {
    try {
      Claim claim = folder.claim();
      if (claim instanceof AttemptFolder.Unclaimed) {
        if (folder.claimNeverStarted()) {
          return new NeverStarted();
        }
        claim = folder.claim();
      }
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (claim instanceof Unfinished && System.nanoTime() < deadline) {
        Thread.sleep(5);
        claim = folder.claim();
      }
      return claim;
    } catch (IOException e) {
      throw new ConnectorException("cannot claim " + folder.dir() + ": " + e, false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException("interrupted while reading " + folder.dir(), true, e);
    }
  }

  @Override
  public void cancel(Collection<SiteJob> jobs) {
    List<AttemptFolder> folders = new ArrayList<>();
    for (SiteJob job : jobs) {
      AttemptFolder folder = new AttemptFolder(Path.of(job.nativeId()));
      if (Files.isDirectory(folder.dir())) {
        watchdog.unwatch(folder);
        folders.add(folder);
      }
    }
    watchdog.stop(folders, AttemptFolder.CANCELLED, "cancelled");
  }

  @Override
  public Map<String, SiteJob> find(Collection<String> wanted) throws ConnectorException {
    Map<String, SiteJob> found = new LinkedHashMap<>();
    for (String token : wanted) {
      if (!TokenIndex.isValid(token)) {
        continue; // not a token this connector would have taken: never submitted here
      }
      try {
        Path dir = tokens.lookup(token);
        if (dir != null && Files.isDirectory(dir) && knows(token, new AttemptFolder(dir))) {
          found.put(token, new SiteJob(site, dir.toString(), token));
        }
      } catch (IOException e) {
        throw new ConnectorException("cannot read the token index for " + token + ": " + e, true);
      }
    }
    return found;
  }

  /** Whether the attempt was launched; if not, it is stopped from starting and forgotten. */
  private boolean knows(String token, AttemptFolder folder) throws IOException, ConnectorException {
    if (folder.exit() != null) {
      return true;
    }
    Started ours = launched.get(folder.dir().toString());
    if (ours != null && ours.isAlive()) {
      return true;
    }
    if (settle(folder) instanceof NeverStarted) {
      tokens.forget(token);
      return false;
    }
    return true;
  }

  @Override
  public Capacity capacity() {
    for (String key : slots.heldKeys()) {
      Started ours = launched.get(key);
      boolean ended =
          ours != null ? !ours.isAlive() : new AttemptFolder(Path.of(key)).exit() != null;
      if (ended) {
        slots.release(key);
      }
    }
    return slots.capacity();
  }

  @Override
  public void close() {
    watchdog.close(); // the jobs run on: they outlive the engine by design
    starter.close();
  }
}
