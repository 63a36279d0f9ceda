package io.fedflow.dag.yaml;

import io.fedflow.dag.ContainerImage;
import io.fedflow.dag.Deadline;
import io.fedflow.dag.JobBuilder;
import io.fedflow.dag.JobDefaults;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Limits;
import io.fedflow.dag.Objective;
import io.fedflow.dag.Placement;
import io.fedflow.dag.Resources;
import io.fedflow.dag.RetryPolicy;
import io.fedflow.dag.Size;
import io.fedflow.dag.StagedFile;
import io.fedflow.dag.WorkEstimate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ListArbitrary;

/** The job fields of generated workflows that are not text: units, policies, placement. */
final class FieldArbitraries {
  private FieldArbitraries() {}

  /** Sizes in every unit, exact or not in a binary one. */
  static Arbitrary<Size> sizes() {
    Arbitrary<Long> unit = Arbitraries.of(1L, 1000L, 1L << 10, 1L << 20, 1_000_000_000L, 1L << 30);
    return Combinators.combine(Arbitraries.longs().between(1, 100_000), unit)
        .as((n, u) -> new Size(n * u));
  }

  /** Durations from a millisecond to a few weeks, often round. */
  static Arbitrary<Duration> durations() {
    Arbitrary<Duration> any =
        Arbitraries.longs().between(1, 30L * 86_400_000).map(Duration::ofMillis);
    Arbitrary<Duration> round =
        Combinators.combine(
                Arbitraries.longs().between(1, 90),
                Arbitraries.of(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)))
            .as((n, d) -> d.multipliedBy(n));
    return Arbitraries.oneOf(any, round);
  }

  static Arbitrary<Resources> resources() {
    return Builders.withBuilder(() -> Resources.NONE)
        .use(Arbitraries.integers().between(1, 128))
        .withProbability(0.5)
        .in((r, n) -> new Resources(n, r.gpus(), r.gpuModel(), r.memory(), r.disk(), r.walltime()))
        .use(Arbitraries.integers().between(0, 8))
        .withProbability(0.3)
        .in((r, n) -> new Resources(r.cpus(), n, r.gpuModel(), r.memory(), r.disk(), r.walltime()))
        .use(Arbitraries.of("A100", "H100", "MI250X", "yes"))
        .withProbability(0.5)
        .in( // A GPU model needs a GPU.
            (r, m) ->
                r.gpus() == null || r.gpus() < 1
                    ? r
                    : new Resources(r.cpus(), r.gpus(), m, r.memory(), r.disk(), r.walltime()))
        .use(sizes())
        .withProbability(0.5)
        .in((r, s) -> new Resources(r.cpus(), r.gpus(), r.gpuModel(), s, r.disk(), r.walltime()))
        .use(sizes())
        .withProbability(0.3)
        .in((r, s) -> new Resources(r.cpus(), r.gpus(), r.gpuModel(), r.memory(), s, r.walltime()))
        .use(durations())
        .withProbability(0.5)
        .in((r, d) -> new Resources(r.cpus(), r.gpus(), r.gpuModel(), r.memory(), r.disk(), d))
        .build();
  }

  /** Default backoffs (written {@code retries: 3}) and custom ones. */
  static Arbitrary<RetryPolicy> retries() {
    Arbitrary<Integer> count = Arbitraries.integers().between(0, 10);
    Arbitrary<Double> factor =
        Arbitraries.bigDecimals()
            .between(BigDecimal.ONE, BigDecimal.valueOf(4))
            .ofScale(2)
            .map(BigDecimal::doubleValue);
    Arbitrary<RetryPolicy> custom =
        Combinators.combine(count, durations(), factor, durations())
            .as((n, a, f, b) -> new RetryPolicy(n, min(a, b), f, max(a, b)));
    return Arbitraries.oneOf(count.map(RetryPolicy::times), custom);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? b : a;
  }

  static Arbitrary<WorkEstimate> work() {
    Arbitrary<Double> hours =
        Arbitraries.bigDecimals()
            .between(BigDecimal.valueOf(0.001), BigDecimal.valueOf(1_000_000))
            .ofScale(3)
            .map(BigDecimal::doubleValue)
            .injectNull(0.4);
    return Combinators.combine(hours, hours, durations().injectNull(0.4))
        .as(WorkEstimate::new)
        .filter(w -> w.coreHours() != null || w.gpuHours() != null || w.referenceRuntime() != null);
  }

  /** Both deadline forms: a duration after the start, or an instant (to the second or milli). */
  static Arbitrary<Deadline> deadlines() {
    Arbitrary<Deadline> within = durations().map(Deadline.Within::new);
    Arbitrary<Deadline> at =
        Arbitraries.longs()
            .between(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(), 1_900_000_000_000L)
            .map(ms -> ms % 3 == 0 ? Instant.ofEpochMilli(ms) : Instant.ofEpochSecond(ms / 1000))
            .map(Deadline.At::new);
    return Arbitraries.oneOf(within, at);
  }

  /** Placements on the sites jobs name (never those the defaults name, see {@link #defaults}). */
  static Arbitrary<Placement> placements() {
    return placements("cnaf", "cineca", "desy", "cern", "t2-bari", "on");
  }

  /** No site is both allowed and excluded. */
  private static Arbitrary<Placement> placements(String... names) {
    ListArbitrary<String> sites = Arbitraries.of(names).list().uniqueElements();
    return Combinators.combine(
            sites.ofMaxSize(3),
            sites.ofMaxSize(2),
            Arbitraries.of(Objective.class).injectNull(0.4),
            deadlines().injectNull(0.4))
        .as(
            (in, out, objective, deadline) -> {
              List<String> excluded = new ArrayList<>(out);
              excluded.removeAll(in);
              return new Placement(in, excluded, objective, deadline);
            });
  }

  static Arbitrary<ContainerImage> containers() {
    return Arbitraries.of(
            "docker://python:3.12",
            "docker://ghcr.io/fedflow/train@sha256:0123abcd",
            "oras://registry.infn.it/ml/torch:2.3",
            "library://sylabs/default/alpine:latest",
            "/cvmfs/unpacked.cern.ch/root.sif",
            "yes.sif")
        .map(ContainerImage::new);
  }

  /** Files that keep their name ({@code a path}) and files that do not ({@code {from, to}}). */
  static Arbitrary<StagedFile> stagedFiles(Arbitrary<String> paths) {
    return Arbitraries.oneOf(
        paths.map(StagedFile::same),
        Combinators.combine(paths, paths)
            .as(StagedFile::new)
            .filter(s -> !s.source().equals(s.target())));
  }

  /**
   * Defaults without item templates (they apply to jobs with and without a fan-out alike), without
   * a GPU model (a job may ask for no GPU) and with sites of their own (so that no job allows a
   * site the defaults exclude, or the other way round).
   */
  static Arbitrary<JobDefaults> defaults() {
    Arbitrary<JobDefaults> some =
        Builders.withBuilder(() -> JobSpec.builder("defaults"))
            .use(TextArbitraries.labels())
            .inSetter((b, m) -> m.forEach(b::label))
            .use(TextArbitraries.awkwardMaps(TextArbitraries.envNames(), TextArbitraries.awkward()))
            .inSetter((b, m) -> m.forEach(b::env))
            .use(Arbitraries.of("/scratch/{{workflow.name}}", "yes", " work dir "))
            .withProbability(0.2)
            .inSetter(JobBuilder::workdir)
            .use(containers())
            .withProbability(0.2)
            .inSetter((b, c) -> b.container(c.reference()))
            .use(resources())
            .withProbability(0.5)
            .inSetter(
                (b, r) ->
                    b.resources(
                        new Resources(
                            r.cpus(), r.gpus(), null, r.memory(), r.disk(), r.walltime())))
            .use(retries())
            .withProbability(0.4)
            .inSetter(JobBuilder::retry)
            .use(Arbitraries.integers().between(-5, 5))
            .withProbability(0.2)
            .inSetter(JobBuilder::priority)
            .use(Arbitraries.of("default", "io"))
            .withProbability(0.2)
            .inSetter(JobBuilder::category)
            .use(placements("t1-ral", "pic", "in2p3"))
            .withProbability(0.3)
            .inSetter(JobBuilder::placement)
            .build(JobBuilder::build)
            .map(
                s ->
                    new JobDefaults(
                        s.labels(),
                        s.env(),
                        s.workdir(),
                        s.container(),
                        s.resources(),
                        s.retry(),
                        s.priority(),
                        s.category(),
                        s.placement()));
    return Arbitraries.oneOf(Arbitraries.just(JobDefaults.NONE), some);
  }

  static Arbitrary<Limits> limits() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 1000).injectNull(0.5),
            Arbitraries.maps(TextArbitraries.ids(), Arbitraries.integers().between(1, 50))
                .ofMaxSize(3))
        .as(Limits::new);
  }
}
