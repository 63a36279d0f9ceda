package io.fedflow.engine.connector.local;

import io.fedflow.engine.connector.ConnectorException;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Starts jobs through one long-lived perl process per engine ({@code spawner.pl} in this package,
 * written into the state folder), so that a job costs a fork and an exec instead of a new process
 * tree: requests go down its stdin as NUL-ended fields, answers come up its stdout, one a line,
 * read by one thread. The spawner claims each attempt, forks the job into a session of its own,
 * reaps it and writes its exit code; it outlives the engine until its last job ends. When it dies,
 * the next start starts another one.
 */
final class Spawner implements Starter {
  private static final Logger LOG = LogManager.getLogger(Spawner.class);
  private static final long READY_SECONDS = 10;

  private final String perl;
  private final Path script;
  private final Path log;
  private volatile Runnable news = () -> {};
  private Running running;
  private long seq;

  private Spawner(String perl, Path script, Path log) {
    this.perl = perl;
    this.script = script;
    this.log = log;
  }

  /**
   * Writes the spawner script into {@code stateDir} and starts it.
   *
   * @throws ConnectorException when it cannot be written, or does not start and say it is ready
   */
  static Spawner open(Path stateDir, String perl) throws ConnectorException {
    Spawner s =
        new Spawner(
            perl, ScriptFiles.install(stateDir, "spawner.pl"), stateDir.resolve("spawner.log"));
    synchronized (s) {
      s.ensureRunning();
    }
    return s;
  }

  /** A job of this engine: launching, running, then ended (or never launched). */
  private static final class Job implements Started {
    private volatile boolean alive = true;
    private volatile Instant started;

    @Override
    public boolean isAlive() {
      return alive;
    }

    @Override
    public Instant started() {
      return started;
    }
  }

  /** One spawner process, its requests pipe, and its jobs still alive. */
  private final class Running {
    final Process process;
    final OutputStream requests;
    final CountDownLatch ready = new CountDownLatch(1);
    final Map<Long, Job> bySeq = new ConcurrentHashMap<>();
    final Map<Long, Job> byPid = new ConcurrentHashMap<>();
    volatile boolean said;
    volatile boolean gone;

    Running(Process process) {
      this.process = process;
      this.requests = new BufferedOutputStream(process.getOutputStream(), 8192);
    }

    /** Reads the answers until the spawner exits; then its jobs are no longer ours to follow. */
    void read() {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          answer(line);
        }
      } catch (IOException e) {
        LOG.warn("reading the spawner's answers: {}", e.getMessage());
      } finally {
        gone = true;
        ready.countDown();
        // Its jobs that still run are followed through their attempt folders, like those of an
        // engine that died.
        bySeq.values().forEach(j -> j.alive = false);
        byPid.values().forEach(j -> j.alive = false);
        news.run();
      }
    }

    private void answer(String line) {
      String[] f = line.split(" ", 3);
      switch (f[0]) {
        case "R" -> {
          said = true;
          ready.countDown();
        }
        case "S" -> {
          Job job = bySeq.remove(Long.parseLong(f[1]));
          if (job != null) {
            job.started = Instant.now();
            byPid.put(Long.parseLong(f[2]), job);
          }
        }
        case "N" -> end(bySeq.remove(Long.parseLong(f[1])));
        case "F" -> {
          LOG.warn("the spawner could not start a job: {}", f[2]);
          end(bySeq.remove(Long.parseLong(f[1])));
        }
        case "X" -> end(byPid.remove(Long.parseLong(f[1])));
        default -> LOG.warn("the spawner said something unexpected: {}", line);
      }
    }

    private void end(Job job) {
      if (job != null) {
        job.alive = false;
        news.run();
      }
    }
  }

  @Override
  public synchronized Started start(ProcessPlan plan) throws IOException {
    List<String> fields = new ArrayList<>(plan.argv().size() + plan.env().size() + 8);
    long n = ++seq;
    fields.add("launch");
    fields.add(Long.toString(n));
    fields.add(plan.attempt().dir().toString());
    fields.add(plan.workdir().toString());
    fields.add(plan.stdin() == null ? "" : plan.stdin().toString());
    fields.add(plan.stdout().toString());
    fields.add(plan.sharedOutput() ? plan.stdout().toString() : plan.stderr().toString());
    fields.add(Integer.toString(plan.env().size()));
    plan.env()
        .forEach(
            (k, v) -> {
              if (k.isEmpty() || k.indexOf('=') >= 0) {
                throw new IllegalArgumentException(
                    "bad environment: invalid variable name '" + k + "'");
              }
              fields.add(k + "=" + v);
            });
    fields.addAll(plan.argv());
    byte[] request = request(fields);
    Running r = spawner();
    Job job = new Job();
    r.bySeq.put(n, job);
    try {
      r.requests.write(request);
      r.requests.flush();
    } catch (IOException e) {
      r.bySeq.remove(n);
      throw new IOException("cannot reach the spawner: " + e.getMessage(), e);
    }
    if (r.gone) {
      job.alive = false; // the spawner died as it was asked: its reader may have missed this job
    }
    return job;
  }

  @Override
  public synchronized void signal(String signal, Collection<Long> groups) {
    if (groups.isEmpty()) {
      return;
    }
    List<String> fields = new ArrayList<>(List.of("signal", signal));
    groups.forEach(g -> fields.add(Long.toString(g)));
    try {
      Running r = spawner();
      r.requests.write(request(fields));
      r.requests.flush();
    } catch (IOException e) {
      LOG.warn("cannot signal {} to {}: {}", signal, groups, e.getMessage());
    }
  }

  @Override
  public void onNews(Runnable news) {
    this.news = news;
  }

  /**
   * Closes the requests pipe: the spawner reaps its jobs still running, then exits. With none, it
   * is waited for a moment, so that this process reaps it (and counts its CPU time).
   */
  @Override
  public synchronized void close() {
    if (running == null) {
      return;
    }
    Running r = running;
    running = null;
    try {
      r.requests.close();
      if (r.bySeq.isEmpty() && r.byPid.isEmpty()) {
        r.process.waitFor(1, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      LOG.debug("closing the spawner's requests: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A request: the count of fields, then the fields, each ended by a NUL. */
  private static byte[] request(List<String> fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    field(bytes, Integer.toString(fields.size()));
    for (String f : fields) {
      field(bytes, f);
    }
    return bytes.toByteArray();
  }

  private static void field(ByteArrayOutputStream bytes, String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a NUL character cannot reach a process: '" + text + "'");
    }
    bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    bytes.write(0);
  }

  /** The spawner running now, started first if need be. */
  private Running spawner() throws IOException {
    try {
      ensureRunning();
    } catch (ConnectorException e) {
      throw new IOException(e.getMessage(), e);
    }
    return running;
  }

  /** Starts the spawner unless it runs, and waits for it to say it is ready. */
  private void ensureRunning() throws ConnectorException {
    if (running != null && !running.gone && running.process.isAlive()) {
      return;
    }
    running = null;
    String command = perl + " " + script;
    Process p;
    try {
      p =
          new ProcessBuilder(perl, script.toString())
              .directory(new File("/"))
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new ConnectorException("cannot start " + command + ": " + e.getMessage(), true, e);
    }
    Running r = new Running(p);
    Thread reader = new Thread(r::read, "fedflow-spawner-" + p.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      r.ready.await(READY_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!r.said || r.gone) {
      p.destroyForcibly();
      throw new ConnectorException(
          command + " did not start and say it was ready (see " + log + ")", true);
    }
    running = r;
  }
}
