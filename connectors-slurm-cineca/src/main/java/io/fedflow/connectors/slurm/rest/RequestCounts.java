package io.fedflow.connectors.slurm.rest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The requests one site's transport sent, by method and endpoint, and the bytes of the answers:
 * what a user reads to see what fedflow costs slurmrestd. One per {@link SlurmHttp}, so sites never
 * mix.
 *
 * <p>An endpoint is the path without the API version, the query or a job id: {@code GET
 * /slurm/jobs}, {@code POST /slurm/job/submit}, {@code DELETE /slurm/job/{id}}, {@code GET
 * /slurmdb/jobs}, {@code GET /openapi/v3}.
 */
public final class RequestCounts {
  private static final Pattern VERSION = Pattern.compile("^/(slurm|slurmdb)/v[0-9.]+");
  private static final Pattern JOB_ID = Pattern.compile("/job/[0-9]+");

  private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
  private final LongAdder bytes = new LongAdder();

  /** Counts one answered request (a retry is another request). */
  void count(String method, String path, long answerBytes) {
    byEndpoint.computeIfAbsent(method + " " + endpoint(path), k -> new LongAdder()).increment();
    bytes.add(answerBytes);
  }

  static String endpoint(String path) {
    int q = path.indexOf('?');
    String p = q < 0 ? path : path.substring(0, q);
    p = JOB_ID.matcher(VERSION.matcher(p).replaceFirst("/$1")).replaceFirst("/job/{id}");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** Requests so far, by {@code METHOD endpoint}, sorted. */
  public Map<String, Long> byEndpoint() {
    Map<String, Long> m = new TreeMap<>();
    byEndpoint.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  public long total() {
    return byEndpoint.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Bytes of the answers' bodies (as characters decoded: the JSON is ASCII). */
  public long answerBytes() {
    return bytes.sum();
  }

  /** {@code 17 requests (4 POST /slurm/job/submit, 11 GET /slurm/jobs, ...), 41 KiB received}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(total()).append(" requests (");
    String sep = "";
    for (Map.Entry<String, Long> e : byEndpoint().entrySet()) {
      s.append(sep).append(e.getValue()).append(' ').append(e.getKey());
      sep = ", ";
    }
    return s.append("), ").append(answerBytes() >> 10).append(" KiB received").toString();
  }
}
