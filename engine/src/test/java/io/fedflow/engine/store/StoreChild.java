package io.fedflow.engine.store;

import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A second fedflow process for the tests, started by {@link ChildJvm} and killed by it: it holds
 * the database or a run lock, or commits changes one by one, printing what it has done.
 */
public final class StoreChild {
  static final String RUN = "20261125-120000-abcd";
  static final int JOBS = 10_000;

  private StoreChild() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "hold-db" -> {
        Database.open(Path.of(args[1]));
        System.out.println("open");
        Thread.sleep(Long.MAX_VALUE);
      }
      case "hold-lock" -> {
        RunLock.acquire(RUN, Path.of(args[1]));
        System.out.println("locked");
        Thread.sleep(Long.MAX_VALUE);
      }
      case "test-lock" ->
          System.out.println(RunLock.isLocked(Path.of(args[1])) ? "locked" : "free");
      case "commit" -> commitOneByOne(Path.of(args[1]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** Makes instance i READY in transaction i and prints i once the commit has returned. */
  private static void commitOneByOne(Path base) {
    RunStore store = new RunStore(Database.open(base), Clock.systemUTC());
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    String yaml =
        "version: 1\nname: wf\njobs:\n  a:\n    forEach: {range: {from: 0, to: "
            + (JOBS - 1)
            + "}}\n    command: [\"true\"]\n";
    store.createRun(
        new RunRecord(RUN, "wf", null, yaml, Map.of(), RunState.RUNNING, "/r", now, null),
        Plan.of(WorkflowYamlReader.read(yaml, "child"), Map.of()));
    System.out.println("created");
    for (int i = 0; i < JOBS; i++) {
      JobRow ready = JobRow.unattempted(id(i), "a", i, JobState.READY, now);
      store.apply(RUN, List.of(new JobChange(ready, JobState.WAITING, "needs met")), null);
      System.out.println(i);
    }
  }

  static String id(int i) {
    return "a[" + i + "]";
  }
}
