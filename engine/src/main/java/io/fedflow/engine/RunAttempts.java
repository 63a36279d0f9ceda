package io.fedflow.engine;

import io.fedflow.engine.connector.AttemptOutput;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.run.RunFolder;
import io.fedflow.engine.run.SiteOutputs;
import io.fedflow.engine.run.Sites;
import io.fedflow.engine.site.SitesFile;
import io.fedflow.engine.store.Attempt;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an engine knows of the attempts of its runs' jobs: each attempt as recorded, its output
 * files here or at its site, and the energy and billing the sites told. Reached by {@link
 * Engine#attempts()}; changes nothing of the runs, whichever process follows them. Thread-safe.
 */
public final class RunAttempts {
  private final Storage storage;
  private final OpenSites sites;
  private final Function<String, RunRecord> runs;

  /** {@code runs} gives the run of an id, or throws the engine's error naming a missing run. */
  RunAttempts(Storage storage, OpenSites sites, Function<String, RunRecord> runs) {
    this.storage = storage;
    this.sites = sites;
    this.runs = runs;
  }

  /**
   * The attempts of one job instance, first to last, each with what its site measured.
   *
   * @throws EngineException when the run does not exist
   */
  public List<Attempt> of(String runId, String instanceId) {
    runs.apply(runId);
    return storage.store().attempts(runId, instanceId);
  }

  /**
   * The file of one stream ({@code stdout} or {@code stderr}) of one attempt of one job: {@code
   * <runDir>/attempts/<instance>/<attempt>/<stream>}, where the local connector writes them unless
   * the job names files of its own. It may not exist (an attempt not started yet, another site).
   *
   * @throws EngineException when the run does not exist
   * @throws IllegalArgumentException for another stream
   */
  public Path logFile(String runId, String instanceId, int attempt, String stream) {
    if (!stream.equals("stdout") && !stream.equals("stderr")) {
      throw new IllegalArgumentException("a stream is stdout or stderr, not " + stream);
    }
    RunRecord run = runs.apply(runId);
    return new RunFolder(Path.of(run.runDir())).attempt(instanceId, attempt).resolve(stream);
  }

  /**
   * One stream of one attempt as its site gives it, for an attempt whose {@link #logFile} does not
   * exist here (a batch cluster keeps its jobs' files): empty when the site keeps no output of its
   * own, is not configured here, or the attempt is unknown.
   *
   * @throws EngineException when the run does not exist
   * @throws ConnectorException when the site was asked and failed
   */
  public Optional<AttemptOutput> siteOutput(
      String runId, String instanceId, int attempt, AttemptOutput.Stream stream)
      throws ConnectorException {
    RunRecord run = runs.apply(runId);
    Optional<Attempt> a =
        storage.store().attempts(runId, instanceId).stream()
            .filter(x -> x.attempt() == attempt)
            .findFirst();
    SitesFile file = storage.store().sites(runId).map(SitesFile::parse).orElse(null);
    if (a.isEmpty() || !Sites.isRemote(sites.configs(file), a.get().site())) {
      return Optional.empty();
    }
    return SiteOutputs.ask(sites.of(file), run, storage.store().plan(run), a.get(), stream);
  }

  /**
   * The energy and billing the sites told of the run's ended attempts, summed (reads the run's
   * whole journal).
   *
   * @throws EngineException when the run does not exist
   */
  public RunUsage usage(String runId) {
    runs.apply(runId);
    return storage.store().usage(runId);
  }
}
