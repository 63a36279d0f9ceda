package io.fedflow.engine.connector.local;

import io.fedflow.engine.connector.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The connector's scripts (resources of this package), written into its state folder. */
final class ScriptFiles {
  private ScriptFiles() {}

  /**
   * Writes the resource {@code name} into {@code stateDir} unless it is there already, as {@code
   * <base>-<hash>.<ext>}: a process still running keeps reading the file it started from, so a file
   * is never changed in place.
   */
  static Path install(Path stateDir, String name) throws ConnectorException {
    try (InputStream in = ScriptFiles.class.getResourceAsStream(name)) {
      byte[] text = in.readAllBytes();
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
      int dot = name.lastIndexOf('.');
      Path script =
          stateDir.resolve(
              name.substring(0, dot) + "-" + hash.substring(0, 12) + name.substring(dot));
      if (!Files.exists(script)) {
        Files.createDirectories(stateDir);
        Path tmp = Files.createTempFile(stateDir, name, ".tmp");
        Files.write(tmp, text);
        Files.move(tmp, script, StandardCopyOption.ATOMIC_MOVE);
      }
      return script;
    } catch (IOException e) {
      throw new ConnectorException(
          "cannot write " + name + " into " + stateDir + ": " + e.getMessage(), false, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
