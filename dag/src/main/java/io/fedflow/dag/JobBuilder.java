package io.fedflow.dag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link JobSpec} fluently; the job part of the Java DSL. Sizes and durations are given as
 * the YAML writes them ({@code memory("32GiB")}, {@code walltime("2h30m")}) and are checked at
 * once.
 */
public final class JobBuilder {
  private final String id;
  private String description;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private Program program;
  private final Map<String, String> env = new LinkedHashMap<>();
  private String workdir;
  private String stdin;
  private String stdout;
  private String stderr;
  private ContainerImage container;
  private final List<StagedFile> inputs = new ArrayList<>();
  private final List<StagedFile> outputs = new ArrayList<>();
  private Resources resources = Resources.NONE;
  private WorkEstimate work;
  private RetryPolicy retry;
  private Integer priority;
  private String category;
  private Placement placement = Placement.NONE;
  private ForEach forEach;
  private final List<Dependency> needs = new ArrayList<>();

  JobBuilder(String id) {
    this.id = Copies.required(id, "a job id");
  }

  JobBuilder(JobSpec s) {
    this(s.id());
    description = s.description();
    labels.putAll(s.labels());
    program = s.program();
    env.putAll(s.env());
    workdir = s.workdir();
    stdin = s.stdin();
    stdout = s.stdout();
    stderr = s.stderr();
    container = s.container();
    inputs.addAll(s.inputs());
    outputs.addAll(s.outputs());
    resources = s.resources();
    work = s.work();
    retry = s.retry();
    priority = s.priority();
    category = s.category();
    placement = s.placement();
    forEach = s.forEach();
    needs.addAll(s.needs());
  }

  public JobBuilder description(String text) {
    description = text;
    return this;
  }

  public JobBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** Runs this argument list, without a shell. */
  public JobBuilder command(String... argv) {
    return command(Arrays.asList(argv));
  }

  public JobBuilder command(List<String> argv) {
    return program(new Program.Command(argv));
  }

  /** Runs this script text as an executable file, with its {@code #!} line or /bin/sh. */
  public JobBuilder script(String body, String... args) {
    return program(new Program.InlineScript(body, Arrays.asList(args)));
  }

  public JobBuilder scriptFile(String path, String... args) {
    return program(new Program.ScriptFile(path, Arrays.asList(args)));
  }

  public JobBuilder program(Program p) {
    program = p;
    return this;
  }

  public JobBuilder env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public JobBuilder workdir(String path) {
    workdir = path;
    return this;
  }

  public JobBuilder stdin(String path) {
    stdin = path;
    return this;
  }

  public JobBuilder stdout(String path) {
    stdout = path;
    return this;
  }

  public JobBuilder stderr(String path) {
    stderr = path;
    return this;
  }

  /** {@code docker://image:tag} or a {@code .sif} file. */
  public JobBuilder container(String reference) {
    container = new ContainerImage(reference);
    return this;
  }

  public JobBuilder input(String path) {
    inputs.add(StagedFile.same(path));
    return this;
  }

  public JobBuilder input(String source, String target) {
    inputs.add(new StagedFile(source, target));
    return this;
  }

  public JobBuilder output(String path) {
    outputs.add(StagedFile.same(path));
    return this;
  }

  public JobBuilder output(String source, String target) {
    outputs.add(new StagedFile(source, target));
    return this;
  }

  public JobBuilder resources(Resources r) {
    resources = r == null ? Resources.NONE : r;
    return this;
  }

  public JobBuilder cpus(int n) {
    Resources r = resources;
    return resources(new Resources(n, r.gpus(), r.gpuModel(), r.memory(), r.disk(), r.walltime()));
  }

  public JobBuilder gpus(int n) {
    Resources r = resources;
    return resources(new Resources(r.cpus(), n, r.gpuModel(), r.memory(), r.disk(), r.walltime()));
  }

  /** {@code n} GPUs of this model, such as {@code A100}. */
  public JobBuilder gpus(int n, String model) {
    Resources r = resources;
    return resources(new Resources(r.cpus(), n, model, r.memory(), r.disk(), r.walltime()));
  }

  /** Memory for the whole job, such as {@code 32GiB}. */
  public JobBuilder memory(String size) {
    Resources r = resources;
    Size m = Size.parse(size);
    return resources(new Resources(r.cpus(), r.gpus(), r.gpuModel(), m, r.disk(), r.walltime()));
  }

  /** Scratch disk for the whole job, such as {@code 100GiB}. */
  public JobBuilder disk(String size) {
    Resources r = resources;
    Size d = Size.parse(size);
    return resources(new Resources(r.cpus(), r.gpus(), r.gpuModel(), r.memory(), d, r.walltime()));
  }

  /** The longest the job may run, such as {@code 2h30m}. */
  public JobBuilder walltime(String duration) {
    return walltime(Durations.parse(duration));
  }

  public JobBuilder walltime(Duration d) {
    Resources r = resources;
    return resources(new Resources(r.cpus(), r.gpus(), r.gpuModel(), r.memory(), r.disk(), d));
  }

  public JobBuilder work(WorkEstimate estimate) {
    work = estimate;
    return this;
  }

  /** {@code count} retries with the default backoff (30s, doubling, at most 10m). */
  public JobBuilder retries(int count) {
    return retry(RetryPolicy.times(count));
  }

  public JobBuilder retry(RetryPolicy policy) {
    retry = policy;
    return this;
  }

  public JobBuilder priority(int p) {
    priority = p;
    return this;
  }

  public JobBuilder category(String name) {
    category = name;
    return this;
  }

  public JobBuilder placement(Placement p) {
    placement = p == null ? Placement.NONE : p;
    return this;
  }

  /** Runs only on these sites. */
  public JobBuilder sites(String... names) {
    Placement p = placement;
    return placement(new Placement(List.of(names), p.excludeSites(), p.objective(), p.deadline()));
  }

  /** Never runs on these sites. */
  public JobBuilder excludeSites(String... names) {
    Placement p = placement;
    return placement(new Placement(p.sites(), List.of(names), p.objective(), p.deadline()));
  }

  public JobBuilder objective(Objective o) {
    Placement p = placement;
    return placement(new Placement(p.sites(), p.excludeSites(), o, p.deadline()));
  }

  public JobBuilder deadline(Deadline d) {
    Placement p = placement;
    return placement(new Placement(p.sites(), p.excludeSites(), p.objective(), d));
  }

  /** Fans out over these values: one instance per value. */
  public JobBuilder forEach(String... values) {
    return forEach(new ForEach.Values(List.of(values)));
  }

  /** Fans out over the integers {@code from..to}, both included. */
  public JobBuilder forEachInRange(long from, long to) {
    return forEach(ForEach.Range.of(from, to));
  }

  /**
   * Fans out over the integers {@code from..to}, both included, where a bound may be a parameter:
   * {@code forEachInRange("0", "{{params.shards}}")}.
   */
  public JobBuilder forEachInRange(String from, String to) {
    return forEach(new ForEach.Range(from, to));
  }

  /**
   * Fans out over every combination of these axes, the last varying fastest, in the map's order
   * (give a {@link LinkedHashMap} for several axes): {@code forEachMatrix(Map.of("lr",
   * List.of(0.01, 0.1)))}. Values are turned into text as parameters are; {@code {{item.lr}}} is a
   * field.
   */
  public JobBuilder forEachMatrix(Map<String, ? extends List<?>> axes) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    axes.forEach((k, v) -> m.put(k, v.stream().map(String::valueOf).toList()));
    return forEach(new ForEach.Matrix(m));
  }

  /**
   * Fans out over these records, all with the same keys, such as rows read from a database; {@code
   * {{item.KEY}}} is a field. Values are turned into text as parameters are.
   */
  public JobBuilder forEachRecords(List<? extends Map<String, ?>> records) {
    List<Map<String, String>> items = new ArrayList<>();
    for (Map<String, ?> r : records) {
      Map<String, String> item = new LinkedHashMap<>();
      r.forEach((k, v) -> item.put(k, String.valueOf(v)));
      items.add(item);
    }
    return forEach(new ForEach.Records(items));
  }

  public JobBuilder forEach(ForEach f) {
    forEach = f;
    return this;
  }

  /** Waits for every instance of each of these jobs. */
  public JobBuilder needs(String... jobs) {
    for (String j : jobs) {
      needs.add(Dependency.on(j));
    }
    return this;
  }

  /** Waits, item by item, for the instance of {@code job} with the same item. */
  public JobBuilder needsEach(String job) {
    needs.add(Dependency.itemwise(job));
    return this;
  }

  public JobSpec build() {
    return new JobSpec(
        id,
        description,
        labels,
        program,
        env,
        workdir,
        stdin,
        stdout,
        stderr,
        container,
        inputs,
        outputs,
        resources,
        work,
        retry,
        priority,
        category,
        placement,
        forEach,
        needs);
  }
}
