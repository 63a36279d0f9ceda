package io.fedflow.connectors.slurm.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remote line, parsed by this machine's /bin/sh as a login node's shell would parse it. */
class RemoteLineTest {
  static final List<String> TRICKY =
      List.of(
          "plain",
          " leading blank",
          "trailing blank ",
          "it's",
          "'",
          "''",
          "\"double\"",
          "$HOME",
          "${PATH}",
          "$(id)",
          "`id`",
          "*",
          "a  b",
          "tab\there",
          "line\nbreak\n",
          "back\\slash",
          "semi;colon && true | cat",
          "!bang",
          "~",
          "",
          "-n");

  @Test
  void aWordIsSingleQuotedWithItsQuotesEscaped() {
    assertThat(RemoteLine.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(RemoteLine.of(List.of("sbatch", "--comment=a b")))
        .isEqualTo("'sbatch' '--comment=a b'");
  }

  @Test
  void theShellGivesBackEveryWordUntouched() throws Exception {
    List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
    argv.addAll(TRICKY);
    // What sshd does with the line: <login shell> -c <line>.
    Process p = new ProcessBuilder("/bin/sh", "-c", RemoteLine.of(argv)).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(List.of(out.split("\0", -1)).subList(0, TRICKY.size())).isEqualTo(TRICKY);
  }

  @Test
  void theLineNeverStartsOrEndsWithABlank() {
    String line = RemoteLine.of(List.of(" x ", " "));
    assertThat(line).isEqualTo(line.strip()).isEqualTo("' x ' ' '");
  }
}
