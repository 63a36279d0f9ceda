package io.fedflow.dag.yaml;

import static io.fedflow.dag.yaml.TextArbitraries.awkward;
import static io.fedflow.dag.yaml.TextArbitraries.awkwardMaps;
import static io.fedflow.dag.yaml.TextArbitraries.paths;
import static io.fedflow.dag.yaml.TextArbitraries.templated;

import io.fedflow.dag.Dependency;
import io.fedflow.dag.ForEach;
import io.fedflow.dag.JobBuilder;
import io.fedflow.dag.JobDefaults;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Limits;
import io.fedflow.dag.Program;
import io.fedflow.dag.StagedFile;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.WorkflowBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * Valid workflows, built with the Java DSL: a DAG (each job needs only earlier ones), every form of
 * fan-out, item-wise pairs, templates that name only what the job has, and every field set or not,
 * with text that is awkward to write as YAML.
 *
 * <p>Jobs are drawn on their own, with template slots, and wired together afterwards (ids, needs,
 * the fan-out of an item-wise pair, the templates that fill the slots) by plain mapping: jqwik
 * builds and caches arbitraries created inside {@code flatMap} so slowly that a few hundred
 * workflows would take minutes.
 */
final class WorkflowArbitraries {
  private WorkflowArbitraries() {}

  private static final int MAX_JOBS = 5;

  /**
   * How a drawn job is wired to the jobs before it.
   *
   * @param needs a bit set of the earlier jobs it needs
   * @param pair which earlier fan-out it pairs with item by item, if any (modulo their count)
   * @param repeat whether a paired job repeats its upstream's {@code forEach} or leaves it out
   */
  private record Wiring(int needs, Optional<Integer> pair, boolean repeat) {}

  private record Draft(JobSpec spec, Wiring wiring) {}

  private record Head(String description, JobDefaults defaults, Limits limits) {}

  static Arbitrary<Workflow> workflows() {
    Arbitrary<Map<String, String>> params =
        awkwardMaps(TextArbitraries.identifiers(), awkward()).map(LinkedHashMap::new);
    Arbitrary<Head> head =
        Combinators.combine(
                awkward().injectNull(0.5), FieldArbitraries.defaults(), FieldArbitraries.limits())
            .as(Head::new);
    Arbitrary<Wiring> wiring =
        Combinators.combine(
                Arbitraries.integers().between(0, (1 << MAX_JOBS) - 1),
                Arbitraries.integers().between(0, MAX_JOBS).optional(0.4),
                Arbitraries.of(true, false))
            .as(Wiring::new);
    Arbitrary<List<Draft>> drafts =
        Combinators.combine(jobs(), wiring).as(Draft::new).list().ofMinSize(1).ofMaxSize(MAX_JOBS);
    return Combinators.combine(
            TextArbitraries.workflowNames(),
            params,
            Arbitraries.integers().between(0, 20).optional(),
            head,
            drafts,
            TextArbitraries.ids().list().ofSize(MAX_JOBS).uniqueElements(),
            jobs().optional(0.3))
        .as(WorkflowArbitraries::assemble);
  }

  private static Workflow assemble(
      String name,
      Map<String, String> params,
      Optional<Integer> shards,
      Head head,
      List<Draft> drafts,
      List<String> ids,
      Optional<JobSpec> last) {
    WorkflowBuilder w = Workflow.named(name).description(head.description());
    params.forEach(w::param);
    shards.ifPresent(n -> w.param("shards", n));
    w.defaults(head.defaults());
    if (head.limits().maxInFlight() != null) {
      w.maxInFlight(head.limits().maxInFlight());
    }
    head.limits().categories().forEach(w::categoryLimit);
    List<String> names = List.copyOf(w.buildUnchecked().params().keySet());
    UnaryOperator<ForEach> ranges = f -> shards.isPresent() ? f : withoutShards(f);

    List<JobSpec> done = new ArrayList<>();
    // What each job fans out over: its own forEach, or its pair's (a pair of a pair included).
    Map<String, ForEach> fanOuts = new LinkedHashMap<>();
    for (Draft d : drafts) {
      List<String> upstreams = List.copyOf(fanOuts.keySet());
      Optional<String> pair =
          d.wiring()
              .pair()
              .filter(p -> !upstreams.isEmpty())
              .map(p -> upstreams.get(p % upstreams.size()));
      List<Dependency> needs = new ArrayList<>();
      for (int i = 0; i < done.size(); i++) {
        String upstream = done.get(i).id();
        boolean paired = pair.isPresent() && pair.get().equals(upstream);
        if ((d.wiring().needs() & (1 << i)) != 0 && !paired) {
          needs.add(Dependency.on(upstream));
        }
      }
      pair.ifPresent(p -> needs.add(Dependency.itemwise(p)));
      ForEach items = pair.isPresent() ? fanOuts.get(pair.get()) : ranges.apply(d.spec().forEach());
      ForEach own = pair.isEmpty() || d.wiring().repeat() ? items : null;
      String id = ids.get(done.size());
      if (items != null) {
        fanOuts.put(id, items);
      }
      JobSpec spec = wired(d.spec(), id, own, needs);
      done.add(rendered(spec, TextArbitraries.templates(names, items)));
    }
    done.forEach(w::job);
    last.map(f -> wired(f, "finally-cleanup", null, List.of()))
        .map(f -> rendered(f, TextArbitraries.templates(names, null)))
        .ifPresent(w::finalJob);
    return w.buildUnchecked();
  }

  /** A range up to {@code {{params.shards}}} in a workflow without that parameter: 0..3. */
  private static ForEach withoutShards(ForEach f) {
    return f instanceof ForEach.Range r && r.to().contains("{{") ? ForEach.Range.of(0, 3) : f;
  }

  private static JobSpec wired(JobSpec s, String id, ForEach forEach, List<Dependency> needs) {
    return new JobSpec(
        id,
        s.description(),
        s.labels(),
        s.program(),
        s.env(),
        s.workdir(),
        s.stdin(),
        s.stdout(),
        s.stderr(),
        s.container(),
        s.inputs(),
        s.outputs(),
        s.resources(),
        s.work(),
        s.retry(),
        s.priority(),
        s.category(),
        s.placement(),
        forEach,
        needs);
  }

  /** The job with its template slots filled with {@code templates}, in every templated field. */
  private static JobSpec rendered(JobSpec s, List<String> templates) {
    UnaryOperator<String> r = text -> text == null ? null : TextArbitraries.render(text, templates);
    Map<String, String> env = new LinkedHashMap<>();
    s.env().forEach((k, v) -> env.put(k, r.apply(v)));
    UnaryOperator<List<StagedFile>> files =
        fs ->
            fs.stream().map(f -> new StagedFile(r.apply(f.source()), r.apply(f.target()))).toList();
    Program program = s.program();
    if (program instanceof Program.Command c) {
      program = new Program.Command(c.argv().stream().map(r).toList());
    } else if (program instanceof Program.InlineScript i) {
      program = new Program.InlineScript(r.apply(i.body()), i.args().stream().map(r).toList());
    } else if (program instanceof Program.ScriptFile f) {
      program = new Program.ScriptFile(r.apply(f.path()), f.args().stream().map(r).toList());
    }
    return new JobSpec(
        s.id(),
        s.description(),
        s.labels(),
        program,
        env,
        r.apply(s.workdir()),
        r.apply(s.stdin()),
        r.apply(s.stdout()),
        r.apply(s.stderr()),
        s.container(),
        files.apply(s.inputs()),
        files.apply(s.outputs()),
        s.resources(),
        s.work(),
        s.retry(),
        s.priority(),
        s.category(),
        s.placement(),
        s.forEach(),
        s.needs());
  }

  /** A job on its own, with the DSL: no id, no needs yet; templates as slots. */
  private static Arbitrary<JobSpec> jobs() {
    Arbitrary<List<StagedFile>> files =
        FieldArbitraries.stagedFiles(paths()).list().ofMinSize(1).ofMaxSize(3);
    return Builders.withBuilder(() -> JobSpec.builder("drawn"))
        .use(programs())
        .inSetter(JobBuilder::program)
        .use(forEaches())
        .withProbability(0.5)
        .inSetter(JobBuilder::forEach)
        .use(awkward())
        .withProbability(0.3)
        .inSetter(JobBuilder::description)
        .use(TextArbitraries.labels())
        .withProbability(0.3)
        .inSetter((b, m) -> m.forEach(b::label))
        .use(awkwardMaps(TextArbitraries.envNames(), templated()))
        .withProbability(0.5)
        .inSetter((b, m) -> m.forEach(b::env))
        .use(paths())
        .withProbability(0.2)
        .inSetter(JobBuilder::workdir)
        .use(paths())
        .withProbability(0.1)
        .inSetter(JobBuilder::stdin)
        .use(paths())
        .withProbability(0.2)
        .inSetter(JobBuilder::stdout)
        .use(paths())
        .withProbability(0.2)
        .inSetter(JobBuilder::stderr)
        .use(FieldArbitraries.containers())
        .withProbability(0.3)
        .inSetter((b, c) -> b.container(c.reference()))
        .use(files)
        .withProbability(0.4)
        .inSetter((b, fs) -> fs.forEach(f -> b.input(f.source(), f.target())))
        .use(files)
        .withProbability(0.4)
        .inSetter((b, fs) -> fs.forEach(f -> b.output(f.source(), f.target())))
        .use(FieldArbitraries.resources())
        .withProbability(0.5)
        .inSetter(JobBuilder::resources)
        .use(FieldArbitraries.work())
        .withProbability(0.2)
        .inSetter(JobBuilder::work)
        .use(FieldArbitraries.retries())
        .withProbability(0.4)
        .inSetter(JobBuilder::retry)
        .use(Arbitraries.integers().between(-100, 100))
        .withProbability(0.2)
        .inSetter(JobBuilder::priority)
        .use(TextArbitraries.ids())
        .withProbability(0.2)
        .inSetter(JobBuilder::category)
        .use(FieldArbitraries.placements())
        .withProbability(0.4)
        .inSetter(JobBuilder::placement)
        .build(JobBuilder::build);
  }

  private static Arbitrary<Program> programs() {
    Arbitrary<List<String>> args = templated().list().ofMaxSize(3);
    Arbitrary<List<String>> argv =
        Combinators.combine(
                Arbitraries.of("python3", "/bin/echo", "yes", "run job"),
                templated().list().ofMaxSize(6))
            .as(
                (exe, rest) -> {
                  List<String> all = new ArrayList<>(List.of(exe));
                  all.addAll(rest);
                  return all;
                });
    return Arbitraries.oneOf(
        argv.map(Program.Command::new),
        Combinators.combine(TextArbitraries.scripts(), args).as(Program.InlineScript::new),
        Combinators.combine(paths(), args).as(Program.ScriptFile::new));
  }

  /** Every form of fan-out: values, records with the same keys, a range, a matrix. */
  private static Arbitrary<ForEach> forEaches() {
    Arbitrary<String> item = awkward();
    Arbitrary<String> keys = TextArbitraries.identifiers();
    Arbitrary<ForEach> values =
        item.list().ofMinSize(1).ofMaxSize(4).uniqueElements().map(ForEach.Values::new);
    Arbitrary<ForEach> records =
        Combinators.combine(
                keys.list().ofSize(3).uniqueElements(),
                Arbitraries.integers().between(1, 3),
                item.list().ofSize(3).list().ofMinSize(1).ofMaxSize(3))
            .as(
                (names, width, rows) ->
                    new ForEach.Records(
                        rows.stream()
                            .map(row -> record(names.subList(0, width), row))
                            .distinct()
                            .toList()));
    Arbitrary<ForEach> range =
        Combinators.combine(
                Arbitraries.longs().between(0, 5),
                Arbitraries.longs().between(0, 40),
                Arbitraries.of(true, false))
            .as(
                (from, extra, shards) ->
                    shards
                        ? new ForEach.Range("0", "{{params.shards}}")
                        : ForEach.Range.of(from, from + extra));
    Arbitrary<ForEach> matrix =
        Arbitraries.maps(keys, item.list().ofMinSize(1).ofMaxSize(3).uniqueElements())
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(ForEach.Matrix::new);
    return Arbitraries.oneOf(values, records, range, matrix);
  }

  private static Map<String, String> record(List<String> keys, List<String> values) {
    Map<String, String> r = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      r.put(keys.get(i), values.get(i));
    }
    return r;
  }
}
