package io.fedflow.dag.yaml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of a workflow file, which must be UTF-8. */
final class FileText {
  static final String READABLE = "a readable workflow file";

  private FileText() {}

  /**
   * The file's text.
   *
   * @throws WorkflowFileException when it cannot be read, or is not UTF-8 (at the first bad byte)
   */
  static String read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw failure(name, 1, 1, READABLE, "a directory");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw failure(name, 1, 1, READABLE, "no such file");
    } catch (AccessDeniedException e) {
      throw failure(name, 1, 1, READABLE, "a file it may not read (permission denied)");
    } catch (IOException | OutOfMemoryError e) {
      throw failure(name, 1, 1, READABLE, "a file that cannot be read (" + e.getMessage() + ")");
    }
    return decode(name, bytes);
  }

  private static String decode(String name, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      String before = new String(bytes, 0, in.position(), StandardCharsets.UTF_8);
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      String lastLine = before.substring(before.lastIndexOf('\n') + 1);
      int column = 1 + lastLine.codePointCount(0, lastLine.length());
      throw failure(name, line, column, "UTF-8 text", "bytes that are not UTF-8");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static WorkflowFileException failure(
      String file, int line, int column, String expected, String found) {
    Findings f = new Findings(file);
    f.report(line, column, Findings.FILE, expected, found);
    return new WorkflowFileException(f.inFileOrder());
  }
}
