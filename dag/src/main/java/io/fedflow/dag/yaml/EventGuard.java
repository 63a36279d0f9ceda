package io.fedflow.dag.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Stands between the YAML parser and the composer so that no file can make reading hang or run out
 * of memory or stack. An alias ({@code *name}) becomes a plain scalar at the alias's own place,
 * remembered in {@link Findings} and reported where it is read: aliases are never expanded, so an
 * alias bomb costs nothing. Nesting deeper than any workflow needs stops the parse (the composer
 * recurses once per level).
 */
final class EventGuard implements Parser {
  /** Far deeper than the format's deepest field ({@code jobs.x.retries.backoff.max} is 5). */
  static final int MAX_DEPTH = 64;

  /** Thrown when a collection opens more than {@link #MAX_DEPTH} levels deep. */
  static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Mark mark;

    TooDeep(Mark mark) {
      super("nesting too deep", null, false, false);
      this.mark = mark;
    }

    Mark mark() {
      return mark;
    }
  }

  private final Parser parser;
  private final Findings findings;
  private Event next;
  private int depth;

  EventGuard(Parser parser, Findings findings) {
    this.parser = parser;
    this.findings = findings;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return hasNext() && peekEvent().getEventId() == id;
  }

  @Override
  public Event peekEvent() {
    if (next == null) {
      next = guarded(parser.next());
    }
    return next;
  }

  @Override
  public Event next() {
    Event e = peekEvent();
    next = null;
    return e;
  }

  @Override
  public boolean hasNext() {
    return next != null || parser.hasNext();
  }

  private Event guarded(Event e) {
    switch (e.getEventId()) {
      case SequenceStart, MappingStart -> {
        if (++depth > MAX_DEPTH) {
          throw new TooDeep(e.getStartMark().orElseThrow());
        }
      }
      case SequenceEnd, MappingEnd -> depth--;
      case Alias -> {
        return placeholder((AliasEvent) e);
      }
      default -> {
        // Every other event passes as it is.
      }
    }
    return e;
  }

  private ScalarEvent placeholder(AliasEvent alias) {
    Optional<Mark> start = alias.getStartMark();
    findings.aliasAt(start.orElseThrow());
    return new ScalarEvent(
        Optional.empty(),
        Optional.empty(),
        new ImplicitTuple(true, false),
        "*" + alias.getAlias().getValue(),
        ScalarStyle.PLAIN,
        start,
        alias.getEndMark());
  }
}
