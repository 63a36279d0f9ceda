package io.fedflow.engine.site;

import io.fedflow.engine.connector.SiteConfig;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sites file read: its sites as {@link SiteConfig}s, in the order written, each nested setting
 * flattened to a dotted key ({@code partitions.debug.maxNodes}), and where each key is written. The
 * format is in {@code docs/site-config.md}.
 */
public final class SitesFile {
  private static final Pattern PROVIDER_LINE = Pattern.compile("^site ([^:]+): ([^:\\s]+): (.*)$");

  private final SitesSource source;
  private final List<SiteConfig> sites;
  private final Map<String, Place> places;

  SitesFile(SitesSource source, List<SiteConfig> sites, Map<String, Place> places) {
    this.source = source;
    this.sites = List.copyOf(sites);
    this.places = Map.copyOf(places);
  }

  /**
   * Reads a sites file, resolving {@code ${env:NAME}} from this process's environment.
   *
   * @throws SitesException with every problem of the file, an unreadable file included
   */
  public static SitesFile read(Path file) {
    return parse(text(file), file.toString(), System::getenv);
  }

  /**
   * Reads a sites file from its text; {@code env} gives each variable's value, or null when unset.
   *
   * @throws SitesException with every problem of the text
   */
  public static SitesFile parse(String text, String file, UnaryOperator<String> env) {
    return new SitesYaml(file, env).read(text);
  }

  /**
   * Reads a recorded sites file again, with the variables' values it was read with.
   *
   * @throws SitesException when it no longer reads (a provider's settings are not checked here)
   */
  public static SitesFile parse(SitesSource recorded) {
    return parse(recorded.text(), recorded.file(), recorded.env()::get);
  }

  /** What a run records of this file. */
  public SitesSource source() {
    return source;
  }

  /** The sites, in the order written. */
  public List<SiteConfig> sites() {
    return sites;
  }

  /**
   * A provider's problem, {@code site NAME: KEY: what}, as {@code file:line:column: sites.NAME.KEY:
   * what} at the key (or, for a key not written, at the site); other lines get the file's name
   * only.
   */
  public String locate(String problem) {
    Matcher m = PROVIDER_LINE.matcher(problem);
    if (!m.matches()) {
      return source.file() + ": " + problem;
    }
    String site = m.group(1);
    String key = m.group(2);
    Place at = places.get(site + "." + key);
    if (at == null) {
      at = places.getOrDefault(site, new Place(1, 1));
    }
    return source.file()
        + ":"
        + at.line()
        + ":"
        + at.column()
        + ": sites."
        + site
        + "."
        + key
        + ": "
        + m.group(3);
  }

  private static String text(Path file) {
    String why;
    try {
      if (Files.isDirectory(file)) {
        why = "it is a directory";
      } else {
        byte[] bytes = Files.readAllBytes(file);
        return StandardCharsets.UTF_8
            .newDecoder()
            .decode(java.nio.ByteBuffer.wrap(bytes))
            .toString();
      }
    } catch (NoSuchFileException e) {
      why = "no such file";
    } catch (CharacterCodingException e) {
      why = "it is not UTF-8 text";
    } catch (IOException e) {
      why = e.toString();
    }
    throw new SitesException(List.of(file + ": cannot read: " + why), true);
  }
}
