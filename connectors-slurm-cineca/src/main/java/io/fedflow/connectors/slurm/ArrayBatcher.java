package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.connector.SubmitAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the submissions of one hand-over into Slurm jobs: those that differ only in what they run
 * (same job of the workflow, same run, same resources, partition, account, qos and environment)
 * share one job array, as {@link ArrayNaming} names it, cut where a task id would reach {@code
 * maxArraySize} or the launcher would pass {@link #MAX_SCRIPT_CHARS}; any other is a plain job.
 */
final class ArrayBatcher {
  /**
   * A launcher's limit, well below Slurm's default {@code max_script_size} (4 MB), so that a
   * thousand attempts of an embedded script still go as few arrays.
   */
  static final int MAX_SCRIPT_CHARS = 1 << 20;

  private ArrayBatcher() {}

  /**
   * One submit to Slurm.
   *
   * @param base the number of the token of task 0 (see {@link ArrayNaming}), or -1 for a plain job
   */
  record Batch(JobRequest request, List<Submission> members, long base) {
    boolean isArray() {
      return base >= 0;
    }
  }

  /** What a submission shares with those it may share an array with. */
  private record Kind(JobRequest settings, String job, String runPrefix) {}

  private record Entry(Submission submission, JobRequest request, long number, String lines) {}

  /**
   * The batches of these submissions, in the order of their first member; a submission that cannot
   * be written for Slurm is answered in {@code refused} instead.
   */
  static List<Batch> of(
      List<Submission> submissions, SlurmSettings site, Map<String, SubmitAnswer> refused) {
    Map<Kind, List<Entry>> kinds = new LinkedHashMap<>();
    int plain = 0;
    for (Submission s : submissions) {
      try {
        ClusterPaths paths = ClusterPaths.of(site.workdir(), s);
        long number = site.arrays() ? ArrayNaming.number(s.token()) : -1;
        if (number < 0) {
          kinds.put(new Kind(null, "plain " + plain++, null), List.of(plain(s, site)));
          continue;
        }
        StringBuilder lines = new StringBuilder();
        BatchScript.attempt(s.instance().id(), s.instance().spec(), paths, lines);
        JobRequest request = SubmitRequest.of(s, site, "");
        // The request's settings alone: without its name, comment and script.
        Kind kind =
            new Kind(
                request.withJob("", null, "", null),
                s.instance().job(),
                ArrayNaming.prefix(s.token()));
        kinds
            .computeIfAbsent(kind, k -> new ArrayList<>())
            .add(new Entry(s, request, number, lines.toString()));
      } catch (ConnectorException e) {
        refused.put(s.token(), SubmitAnswer.refused(e));
      } catch (RuntimeException e) {
        // A bug in a template or here fails this submission, not the others.
        refused.put(
            s.token(), SubmitAnswer.refused(new ConnectorException(String.valueOf(e), false, e)));
      }
    }
    List<Batch> batches = new ArrayList<>();
    for (List<Entry> kind : kinds.values()) {
      cut(kind, site, batches);
    }
    return batches;
  }

  private static Entry plain(Submission s, SlurmSettings site) throws ConnectorException {
    return new Entry(s, SubmitRequest.of(s, site), -1, null);
  }

  /** Consecutive arrays over the submissions of one kind, by token number. */
  private static void cut(List<Entry> kind, SlurmSettings site, List<Batch> batches) {
    if (kind.size() == 1) {
      batches.add(single(kind.get(0), site));
      return;
    }
    List<Entry> sorted = new ArrayList<>(kind);
    sorted.sort(Comparator.comparingLong(Entry::number));
    List<Entry> chunk = new ArrayList<>();
    int chars = 0;
    for (Entry e : sorted) {
      int size = e.lines().length() + 16;
      if (!chunk.isEmpty()
          && (e.number() - chunk.get(0).number() >= site.maxArraySize()
              || chars + size > MAX_SCRIPT_CHARS)) {
        batches.add(array(chunk, site));
        chunk = new ArrayList<>();
        chars = 0;
      }
      chunk.add(e);
      chars += size;
    }
    batches.add(array(chunk, site));
  }

  private static Batch single(Entry e, SlurmSettings site) {
    JobRequest r = e.request();
    JobRequest request =
        e.lines() == null
            ? r
            : r.withJob(
                r.name(),
                r.comment(),
                BatchScript.of(e.submission().instance().id(), e.lines()),
                null);
    return new Batch(request, List.of(e.submission()), -1);
  }

  private static Batch array(List<Entry> chunk, SlurmSettings site) {
    if (chunk.size() == 1) {
      return single(chunk.get(0), site);
    }
    long base = chunk.get(0).number();
    List<ArrayLauncher.Task> tasks = new ArrayList<>(chunk.size());
    List<Integer> ids = new ArrayList<>(chunk.size());
    for (Entry e : chunk) {
      int id = (int) (e.number() - base);
      tasks.add(new ArrayLauncher.Task(id, e.lines()));
      ids.add(id);
    }
    Submission first = chunk.get(0).submission();
    String job = first.instance().job();
    JobRequest request =
        chunk
            .get(0)
            .request()
            .withJob(
                first.token(),
                job + ": " + chunk.size() + " attempts",
                ArrayLauncher.of(job, tasks),
                TaskList.format(ids));
    return new Batch(request, chunk.stream().map(Entry::submission).toList(), base);
  }
}
