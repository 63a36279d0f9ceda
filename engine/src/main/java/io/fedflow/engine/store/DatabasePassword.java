package io.fedflow.engine.store;

import io.fedflow.engine.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The password of the engine's database, in a file beside it ({@code <name>.password}) that only
 * its owner may read, as ssh keeps a private key. The process that owns the database serves it to
 * the others over a TCP port on loopback (see {@link Database}); the password is what keeps the
 * machine's other users out of that port. It is made on the first open and never printed.
 */
final class DatabasePassword {
  static final String SUFFIX = ".password";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private DatabasePassword() {}

  /** The password file of the database at {@code base} (a path without H2's suffix). */
  static Path fileOf(Path base) {
    return base.resolveSibling(base.getFileName() + SUFFIX);
  }

  /**
   * The password kept in {@code file}, made there first if there is none.
   *
   * @throws EngineException when the file cannot be read or written, or other users may read it
   */
  static String readOrCreate(Path file) {
    if (!Files.exists(file)) {
      create(file);
    }
    try {
      refuseOpen(file);
      String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (password.isEmpty()) {
        throw new EngineException(
            "database password file " + file + " is empty: move it away, and the database too");
      }
      return password;
    } catch (IOException e) {
      throw new EngineException("cannot read database password file " + file + ": " + e, e);
    }
  }

  // Written under another name and then linked into place, so that of two processes making it at
  // once one wins and both read the same password, and no one ever reads half a file.
  private static void create(Path file) {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path draft = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
    try {
      Files.deleteIfExists(draft);
      if (isPosix(file)) {
        Files.createFile(draft, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(draft);
      }
      Files.writeString(draft, password + "\n", StandardCharsets.US_ASCII);
      try {
        Files.createLink(file, draft);
      } catch (FileAlreadyExistsException e) {
        // another process made it first: its password is the one
      }
    } catch (IOException e) {
      throw new EngineException("cannot write database password file " + file + ": " + e, e);
    } finally {
      try {
        Files.deleteIfExists(draft);
      } catch (IOException ignored) {
        // a leftover draft holds a password no database uses
      }
    }
  }

  private static void refuseOpen(Path file) throws IOException {
    if (!isPosix(file)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new EngineException(
          "database password file "
              + file
              + " may be read by other users ("
              + PosixFilePermissions.toString(permissions)
              + "): chmod 600 it");
    }
  }

  private static boolean isPosix(Path file) {
    return Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
  }
}
