package io.fedflow.engine.connector.local;

import io.fedflow.dag.Program;
import io.fedflow.engine.connector.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The argument list that runs a job's program, never through a shell: a command as it is; a script
 * as an executable file, run by the kernel through its {@code #!} line, or given to {@code /bin/sh}
 * as a file when it has none.
 */
final class ProgramArgv {
  private static final String SHELL = "/bin/sh";

  private ProgramArgv() {}

  /**
   * The argument list for a job.
   *
   * @param job the job's id, for messages
   * @param folder the attempt folder, where an inline script is written
   * @param base the folder a relative script file path is resolved against
   */
  static List<String> of(String job, Program program, AttemptFolder folder, Path base)
      throws ConnectorException, IOException {
    if (program instanceof Program.Command c) {
      if (c.argv().isEmpty()) {
        throw new ConnectorException(job + ": the command is empty", false);
      }
      return c.argv();
    }
    if (program instanceof Program.InlineScript s) {
      Path script = folder.file(AttemptFolder.SCRIPT);
      Files.writeString(script, s.body(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      return argv(s.body().startsWith("#!"), script, s.args());
    }
    if (program instanceof Program.ScriptFile f) {
      Path script = base.resolve(f.path()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(script)) {
        throw new ConnectorException(job + ": script file " + script + " does not exist", false);
      }
      boolean shebang = startsWithShebang(script);
      if (shebang && !Files.isExecutable(script)) {
        throw new ConnectorException(
            job + ": script file " + script + " has a #! line but is not executable (chmod +x)",
            false);
      }
      return argv(shebang, script, f.args());
    }
    throw new IllegalArgumentException("unknown program " + program);
  }

  private static List<String> argv(boolean shebang, Path script, List<String> args) {
    List<String> argv = new ArrayList<>(args.size() + 2);
    argv.addAll(shebang ? List.of(script.toString()) : List.of(SHELL, script.toString()));
    argv.addAll(args);
    return argv;
  }

  private static boolean startsWithShebang(Path script) throws IOException {
    try (InputStream in = Files.newInputStream(script)) {
      return Arrays.equals(in.readNBytes(2), new byte[] {'#', '!'});
    }
  }
}
