package io.fedflow.engine.connector.local;

import io.fedflow.dag.JobSpec;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs N {@code true} jobs through submit and poll on a site of 2 cpus, as an engine would, and
 * prints the wall time; compare with {@code make -j2} of the same jobs. Not a test: run by hand.
 *
 * <p>Arguments: the number of jobs (2000 by default).
 */
public final class LocalOverheadBench {
  private LocalOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path home = Files.createTempDirectory("fedflow-bench");
    JobSpec spec = JobSpec.builder("t").command("true").build();
    try (LocalSite site = new LocalSite(home, Map.of("cpus", "2"))) {
      List<SiteJob> running = new ArrayList<>();
      int submitted = 0;
      int failed = 0;
      long inSubmit = 0;
      long inPoll = 0;
      int polls = 0;
      long start = System.nanoTime();
      while (submitted < n || !running.isEmpty()) {
        while (submitted < n && site.connector.capacity().freeSlots() > 0) {
          JobSpec job = JobSpec.builder("t" + submitted).program(spec.program()).build();
          try {
            long t0 = System.nanoTime();
            running.add(site.submit(job));
            inSubmit += System.nanoTime() - t0;
            submitted++;
          } catch (ConnectorException e) {
            break;
          }
        }
        int before = running.size();
        long t1 = System.nanoTime();
        Map<SiteJob, Observation> states = site.connector.poll(running);
        inPoll += System.nanoTime() - t1;
        polls++;
        for (Map.Entry<SiteJob, Observation> e : states.entrySet()) {
          SiteState state = e.getValue().state();
          if (state != SiteState.RUNNING && state != SiteState.QUEUED) {
            running.remove(e.getKey());
            failed += state == SiteState.SUCCEEDED ? 0 : 1;
          }
        }
        if (running.size() == before) {
          Thread.sleep(1);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "local connector, %d true jobs on 2 cpus: %.2f s (%d failed); in submit %.2f s, in %d polls"
              + " %.2f s%n",
          n, seconds, failed, inSubmit / 1e9, polls, inPoll / 1e9);
    }
  }
}
