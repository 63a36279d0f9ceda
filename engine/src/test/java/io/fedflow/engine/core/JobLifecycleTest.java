package io.fedflow.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {
  private static final String DOC = "docs/job-states.md";
  private static final String OPEN = "```mermaid\n";

  @Test
  void theDiagramInTheDocsIsTheTransitionTable() throws IOException {
    String doc = Files.readString(doc());
    int start = doc.indexOf(OPEN);
    int end = start < 0 ? -1 : doc.indexOf("```", start + OPEN.length());
    String written = end < 0 ? "" : doc.substring(start + OPEN.length(), end);
    String expected = JobLifecycle.mermaid();

    assertThat(written)
        .as(
            "the diagram in %s differs from JobLifecycle's table; paste this block there:%n%s%s```",
            DOC, OPEN, expected)
        .isEqualTo(expected);
  }

  private static Path doc() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(DOC))) {
        return p.resolve(DOC);
      }
    }
    throw new IllegalStateException("no " + DOC + " above " + Path.of("").toAbsolutePath());
  }

  @Test
  void everyStateButTheTerminalOnesCanBeLeftAndEveryOneReached() {
    for (JobState s : JobState.values()) {
      boolean leaves = false;
      boolean reached = s == JobState.WAITING;
      for (JobState t : JobState.values()) {
        leaves |= JobLifecycle.allows(s, t);
        reached |= JobLifecycle.allows(t, s);
      }
      assertThat(leaves).as("%s can be left", s).isEqualTo(!s.isTerminal());
      assertThat(reached).as("%s can be reached", s).isTrue();
    }
  }

  @Test
  void everyUnfinishedStateCanBeCancelled() {
    for (JobState s : JobState.values()) {
      if (!s.isTerminal()) {
        boolean cancellable =
            JobLifecycle.next(s, Trigger.CANCEL) == JobState.CANCELLED
                || JobLifecycle.next(s, Trigger.CANCELLED_AT_SITE) == JobState.CANCELLED;
        assertThat(cancellable).as("%s can be cancelled", s).isTrue();
      }
    }
  }

  private static Outcome only(JobChange c) {
    return new Outcome(List.of(c), List.of(), List.of(), null, false);
  }

  @Test
  void anIllegalChangeNamesTheJobAndItsRecentHistory() {
    Workflow wf = Workflow.named("w").job("a", j -> j.command("x")).build();
    Driver run = new Driver(wf);
    run.decide();
    run.decide(false);
    JobRow queued = run.row("a");
    JobChange bad = new JobChange(queued, JobState.QUEUED, "made up");

    assertThatThrownBy(() -> run.model.apply(only(bad)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage(
            "job a: no step from QUEUED to QUEUED; recent history: WAITING -> READY (needs met);"
                + " READY -> SUBMITTING (submitting to mem; attempt 1, r1.1);"
                + " SUBMITTING -> QUEUED (accepted by mem; attempt 1, r1.1, site id 1)");
  }

  @Test
  void aChangeFromAnotherStateThanTheModelsIsRefused() {
    Workflow wf = Workflow.named("w").job("a", j -> j.command("x")).build();
    Driver run = new Driver(wf);
    JobRow succeeded =
        new JobRow(
            "a",
            "a",
            0,
            JobState.SUCCEEDED,
            1,
            0,
            "r1.1",
            "mem",
            "1",
            0,
            null,
            null,
            null,
            null,
            null,
            run.now);
    JobChange bad = new JobChange(succeeded, JobState.RUNNING, "made up");

    assertThatThrownBy(() -> run.model.apply(only(bad)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage(
            "job a: a change from RUNNING to SUCCEEDED but the job is WAITING;"
                + " recent history: none kept");
    assertThat(run.model.count(JobState.WAITING)).isEqualTo(1);
  }

  @Test
  void theDeciderRefusesAStepTheTableDoesNotHave() {
    Workflow wf = Workflow.named("w").job("a", j -> j.command("x")).build();
    Driver run = new Driver(wf);
    Round round = new Round(run.model, run.context(), false);

    assertThatThrownBy(() -> round.move(0, 0, Trigger.STARTED, d -> {}, "made up"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("job a: no step from WAITING on started; recent history: none kept");
  }
}
