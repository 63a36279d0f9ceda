package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process that fedflow submit leaves following a run. */
class BackgroundTest {
  @TempDir Path dir;

  @Test
  void followsTheRunQuietlyWithThisJavaAndClassPathInANewSession() {
    String here = Path.of("").toAbsolutePath().toString();

    assertThat(
            Background.command(
                "20261125-193201-ab12",
                Path.of("/home/ada/.fedflow"),
                Optional.of(Path.of("/usr/bin/setsid")),
                Path.of("/opt/java/bin/java"),
                "lib/fedflow.jar" + File.pathSeparator + "/opt/extra.jar"))
        .containsExactly(
            "/usr/bin/setsid",
            "/opt/java/bin/java",
            "-cp",
            here + "/lib/fedflow.jar" + File.pathSeparator + "/opt/extra.jar",
            "io.fedflow.cli.Main",
            "resume",
            "20261125-193201-ab12",
            "--quiet",
            "--home",
            "/home/ada/.fedflow");
  }

  @Test
  void withoutSetsidTheCommandStartsWithJava() {
    assertThat(
            Background.command(
                    "r", Path.of("/h"), Optional.empty(), Path.of("/opt/java/bin/java"), "/a.jar")
                .get(0))
        .isEqualTo("/opt/java/bin/java");
  }

  @Test
  void findsAProgramOnlyWhereItIsExecutable() throws Exception {
    Path notExecutable = Files.createDirectories(dir.resolve("a"));
    Files.writeString(notExecutable.resolve("setsid"), "");
    Path bin = Files.createDirectories(dir.resolve("b"));
    Files.writeString(bin.resolve("setsid"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        bin.resolve("setsid"), PosixFilePermissions.fromString("rwxr-xr-x"));
    String path = notExecutable + File.pathSeparator + File.pathSeparator + bin;

    assertThat(Background.onPath("setsid", path)).contains(bin.resolve("setsid"));
    assertThat(Background.onPath("nohup", path)).isEmpty();
    assertThat(Background.onPath("setsid", null)).isEmpty();
  }
}
