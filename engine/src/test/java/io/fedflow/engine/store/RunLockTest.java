package io.fedflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.engine.EngineException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir Path dir;

  @Test
  void aRunFollowedByAnotherProcessIsRefusedWithItsPidUntilThatProcessDies() throws Exception {
    Path runDir = dir.resolve("runs").resolve(StoreChild.RUN);
    try (ChildJvm child = ChildJvm.start("hold-lock", runDir.toString())) {
      child.await("locked");
      assertThat(RunLock.isLocked(runDir)).isTrue();
      assertThatThrownBy(() -> RunLock.acquire(StoreChild.RUN, runDir))
          .isInstanceOf(EngineException.class)
          .hasMessage(
              "run "
                  + StoreChild.RUN
                  + " is being followed by another fedflow process (pid "
                  + child.pid()
                  + ")");
      assertThat(RunLock.isLocked(runDir)).isTrue();

      child.kill();
    }
    assertThat(RunLock.isLocked(runDir)).isFalse();
    RunLock lock = RunLock.acquire(StoreChild.RUN, runDir);
    assertThat(seenFromAnotherProcess(runDir)).isEqualTo("locked");
    lock.close();
    assertThat(seenFromAnotherProcess(runDir)).isEqualTo("free");
  }

  @Test
  void aRunIsFollowedOnceInThisProcessAndFreeAgainWhenReleased() throws Exception {
    Path runDir = dir.resolve("r1");
    assertThat(RunLock.isLocked(runDir)).isFalse();
    RunLock lock = RunLock.acquire("r1", runDir);
    assertThat(RunLock.isLocked(runDir)).isTrue();
    assertThatThrownBy(() -> RunLock.acquire("r1", runDir))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "run r1 is already being followed by this fedflow process (pid "
                + ProcessHandle.current().pid()
                + ")");
    // Testing and refusing did not drop the lock that this process holds.
    assertThat(seenFromAnotherProcess(runDir)).isEqualTo("locked");
    lock.close();
    assertThat(RunLock.isLocked(runDir)).isFalse();
    RunLock.acquire("r1", runDir).close();
  }

  private static String seenFromAnotherProcess(Path runDir) throws Exception {
    try (ChildJvm child = ChildJvm.start("test-lock", runDir.toString())) {
      return child.nextLine();
    }
  }
}
