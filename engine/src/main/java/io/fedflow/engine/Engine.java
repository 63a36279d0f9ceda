package io.fedflow.engine;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.yaml.WorkflowYamlWriter;
import io.fedflow.engine.run.RunExecutor;
import io.fedflow.engine.run.RunFolder;
import io.fedflow.engine.run.SiteCheck;
import io.fedflow.engine.run.Sites;
import io.fedflow.engine.site.SitesException;
import io.fedflow.engine.site.SitesFile;
import io.fedflow.engine.site.SitesSource;
import io.fedflow.engine.store.RunLock;
import io.fedflow.engine.store.RunStore;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * What the CLI and other front ends call: submit a workflow as a run, follow a run to its end,
 * cancel, resume, list and inspect runs; the attempts of their jobs are answered by {@link
 * #attempts()}. State lives in an embedded H2 database under {@link EngineConfig#home()}; every
 * change is committed before it takes effect outside, so a process killed at any moment loses
 * nothing and {@link #follow} on the same run picks it up.
 *
 * <p>Several processes may open the same home at once (one of them serves the database to the
 * others); a run is followed by one process at a time, which holds its lock. Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(Engine.class);
  private static final String LOG_KEY = "runId";
  private static final int RECONNECTS = 3;
  private static final long STOP_WAIT_MILLIS = 30_000;

  private final EngineConfig config;
  private final Storage storage;
  private final Map<String, RunExecutor> following = new ConcurrentHashMap<>();
  private final List<Thread> background = new ArrayList<>();
  private final OpenSites sites;
  private final RunAttempts attempts;
  private volatile boolean closed;

  private Engine(EngineConfig config, Storage storage) {
    this.config = config;
    this.storage = storage;
    this.sites = new OpenSites(config);
    this.attempts = new RunAttempts(storage, sites, this::require);
  }

  /**
   * Opens (creating if needed) the engine's home and database. A new home is readable by its owner
   * only: the database, served to the owner's other processes, has no password.
   *
   * @throws EngineException with a one-line message when the database is locked or corrupt, or is
   *     missing while the home holds runs
   */
  public static Engine open(EngineConfig config) {
    createHome(config.home());
    return new Engine(config, Storage.open(config.database(), runsDir(config), config.clock()));
  }

  private static void createHome(Path home) {
    if (Files.isDirectory(home)) {
      return;
    }
    try {
      Files.createDirectories(home.toAbsolutePath().getParent());
      Files.createDirectory(
          home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(home)) {
        throw new EngineException("cannot use " + home + " as the engine's home: it is a file", e);
      }
    } catch (IOException e) {
      throw new EngineException("cannot create the engine's home " + home + ": " + e, e);
    }
  }

  private static Path runsDir(EngineConfig config) {
    return config.home().resolve("runs");
  }

  /**
   * Records a new run of {@code workflow} with these parameter overrides on the engine's own sites,
   * every job waiting; does not start it. Creates the run's folder {@code <home>/runs/<id>/} with
   * its {@code work/}.
   *
   * @param workflowFile the file it was read from, recorded as an absolute path (a relative script
   *     file of the workflow is found against its folder); null from the DSL
   * @throws io.fedflow.dag.InvalidWorkflowException when the overrides make it invalid
   * @throws SitesException when a job cannot go to the sites (see the other submit)
   */
  public RunRecord submit(Workflow workflow, String workflowFile, Map<String, String> params) {
    return submit(workflow, workflowFile, params, null);
  }

  /**
   * As {@link #submit(Workflow, String, Map)}, on the sites of a sites file, which the run records:
   * following it later reopens the same sites. Before anything is recorded, the sites are opened
   * (without reaching them) and each job is checked against the site it would be placed on: a
   * placement naming a site not configured, or a job that the site says it could never run (its
   * resources exceed every partition), fails the submission with every such problem at once.
   *
   * @param sites the sites file, or null for the engine's own sites
   * @throws SitesException with every problem of the sites or of the jobs' placement
   */
  public RunRecord submit(
      Workflow workflow, String workflowFile, Map<String, String> params, SitesFile sites) {
    Plan plan = Plan.of(workflow, params);
    this.sites.of(sites);
    List<String> misfits =
        SiteCheck.problems(plan, this.sites.configs(sites), config.home().toAbsolutePath());
    if (!misfits.isEmpty()) {
      throw new SitesException(misfits);
    }
    String yaml = WorkflowYamlWriter.write(workflow);
    Instant now = config.clock().instant();
    RunStore store = storage.store();
    String id;
    Path dir;
    do {
      id = RunIds.next(now);
      dir = newRunFolder(id);
    } while (dir == null || store.run(id).isPresent());
    String file =
        workflowFile == null ? null : Path.of(workflowFile).toAbsolutePath().normalize().toString();
    RunRecord run =
        new RunRecord(
            id, workflow.name(), file, yaml, params, RunState.RUNNING, dir.toString(), now, null);
    store.createRun(run, plan, sites == null ? null : sites.source());
    LOG.info("run {} of {} recorded: {} jobs", id, workflow.name(), plan.instanceCount());
    return run;
  }

  /** Creates the run's folder, or returns null when a run of that id has one already. */
  private Path newRunFolder(String id) {
    Path dir = runsDir(config).resolve(id).toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir.getParent());
      Files.createDirectory(dir); // atomic: two processes never get the same id
      Files.createDirectory(new RunFolder(dir).work());
      return dir;
    } catch (FileAlreadyExistsException e) {
      return null;
    } catch (IOException e) {
      throw new EngineException("cannot create the folder " + dir + " of run " + id + ": " + e, e);
    }
  }

  /**
   * Drives the run to its end in this process and returns its final state; resumes it if it was
   * started before. Holds the run's lock meanwhile. Returns the state of a finished run at once.
   * Returns {@code RUNNING} when the engine was closed first: the run is left as committed.
   *
   * @throws EngineException when another process follows the run, or the run does not exist
   */
  public RunState follow(String runId, RunListener listener) {
    return follow(runId, null, listener);
  }

  /**
   * As {@link #follow(String, RunListener)}, on the sites of {@code sites} from now on when it
   * differs from the sites file the run recorded: it is recorded in its place (so that a site's
   * moved URL or token file can be mended), after checking that every site holding jobs of the run
   * is in it.
   *
   * @param sites null to follow the run on the sites it recorded
   * @throws SitesException when the file cannot be used for the run; nothing changes then
   */
  public RunState follow(String runId, SitesFile sites, RunListener listener) {
    RunRecord run = require(runId);
    if (run.state().isTerminal()) {
      return run.state();
    }
    try (RunLock lock = RunLock.acquire(runId, Path.of(run.runDir()));
        CloseableThreadContext.Instance log = CloseableThreadContext.put(LOG_KEY, runId)) {
      for (int tries = 1; ; tries++) {
        RunStore store = storage.store();
        try {
          return followLocked(store, runId, sites, listener);
        } catch (EngineException e) {
          if (closed || tries > RECONNECTS || !storage.reconnect(store)) {
            throw e;
          }
          LOG.warn("run {}: {}; following it again from the database", runId, e.getMessage());
        }
      }
    }
  }

  private RunState followLocked(
      RunStore store, String runId, SitesFile given, RunListener listener) {
    RunRecord run = store.run(runId).orElseThrow(() -> noRun(runId));
    if (run.state().isTerminal() || closed) {
      return run.state();
    }
    Optional<SitesSource> recorded = store.sites(runId);
    Sites open;
    if (given != null && !recorded.equals(Optional.of(given.source()))) {
      open = sites.of(given);
      RunExecutor.load(store, run, open, config.clock(), listener); // checks, changes nothing
      store.replaceSites(runId, given.source());
      LOG.info("run {}: its sites are now those of {}", runId, given.source().file());
    } else {
      open = sites.of(recorded.map(SitesFile::parse).orElse(null));
    }
    RunExecutor executor = RunExecutor.load(store, run, open, config.clock(), listener);
    following.put(runId, executor);
    try {
      if (closed) {
        return RunState.RUNNING;
      }
      return executor.run();
    } finally {
      following.remove(runId);
    }
  }

  /**
   * Asks for the run to be cancelled: recorded at once; the process following the run cancels its
   * jobs at their sites (if none follows it, the next {@link #follow} does). A finished run does
   * not change.
   *
   * @throws EngineException when the run does not exist
   */
  public void cancel(String runId) {
    require(runId);
    if (storage.store().requestCancel(runId)) {
      LOG.info("run {}: cancel recorded", runId);
    }
    RunExecutor executor = following.get(runId);
    if (executor != null) {
      executor.wake();
    }
  }

  /**
   * Follows every orphaned run (see {@link #orphanedRuns}), each on a background thread of its own,
   * as starting an engine resumes the runs that no process follows. A run that another process
   * takes in the meantime is left to it (its future fails with the lock message). Closing the
   * engine stops them between two rounds; their futures then hold {@code RUNNING}.
   *
   * @return each run's final state to come, by run id
   */
  public Map<String, CompletableFuture<RunState>> resumeOrphans(RunListener listener) {
    Map<String, CompletableFuture<RunState>> out = new LinkedHashMap<>();
    for (RunRecord run : orphanedRuns()) {
      CompletableFuture<RunState> end = new CompletableFuture<>();
      Thread t =
          new Thread(
              () -> {
                try {
                  end.complete(follow(run.id(), listener));
                } catch (RuntimeException e) {
                  LOG.warn("run {} was not resumed: {}", run.id(), e.getMessage());
                  end.completeExceptionally(e);
                }
              },
              "fedflow-run-" + run.id());
      t.setDaemon(true);
      synchronized (background) {
        background.add(t);
      }
      t.start();
      out.put(run.id(), end);
    }
    return out;
  }

  /**
   * The sites file the run uses, as recorded; empty when it uses the engine's own sites.
   *
   * @throws EngineException when the run does not exist
   */
  public Optional<SitesSource> sites(String runId) {
    require(runId);
    return storage.store().sites(runId);
  }

  /** Every run, newest first. */
  public List<RunRecord> runs() {
    return storage.store().runs();
  }

  public Optional<RunRecord> run(String runId) {
    return storage.store().run(runId);
  }

  /**
   * The run's jobs, in plan order.
   *
   * @throws EngineException when the run does not exist
   */
  public List<JobRow> jobs(String runId) {
    require(runId);
    return storage.store().jobs(runId);
  }

  /**
   * How many of the run's instances are in each state (states without any left out), as recorded
   * with the run: cheap whatever the run's size.
   *
   * @throws EngineException when the run does not exist
   */
  public Map<JobState, Long> counts(String runId) {
    require(runId);
    return storage.store().counts(runId);
  }

  /** The attempts of the runs' jobs: each as recorded, its output, the energy and billing told. */
  public RunAttempts attempts() {
    return attempts;
  }

  /** The runs that are not finished and that no process follows now. */
  public List<RunRecord> orphanedRuns() {
    List<RunRecord> out = new ArrayList<>();
    for (RunRecord r : storage.store().unfinishedRuns()) {
      if (!RunLock.isLocked(Path.of(r.runDir()))) {
        out.add(r);
      }
    }
    return out;
  }

  private RunRecord require(String runId) {
    return storage.store().run(runId).orElseThrow(() -> noRun(runId));
  }

  private EngineException noRun(String runId) {
    return new EngineException(
        "no run '" + runId + "' in " + config.home() + " (see 'fedflow runs')");
  }

  /**
   * Stops following runs (between two rounds: they stay as committed, for a later follow), closes
   * the sites (jobs at them go on) and the database.
   */
  @Override
  public void close() {
    closed = true;
    following.values().forEach(RunExecutor::stop);
    List<Thread> threads;
    synchronized (background) {
      threads = new ArrayList<>(background);
    }
    try {
      for (Thread t : threads) {
        t.join(STOP_WAIT_MILLIS);
      }
      long deadline = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000L;
      while (!following.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10); // a follow on a caller's thread ends its round
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sites.close();
    storage.close();
  }
}
