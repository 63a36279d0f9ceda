package io.fedflow.engine.run;

import io.fedflow.dag.Placement;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import io.fedflow.engine.EngineException;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.core.SiteChooser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a plan's jobs can go to the configured sites, checked before a run is recorded: every
 * site a job's placement names is configured, and the site each job would be placed on finds no
 * reason it could never run it ({@link io.fedflow.engine.connector.ConnectorProvider#misfits}).
 */
public final class SiteCheck {
  private SiteCheck() {}

  /**
   * Every problem, one line each, in plan order; empty when the plan can run on these sites.
   *
   * @param sites the sites configured (the embedded default when empty)
   */
  public static List<String> problems(Plan plan, List<SiteConfig> sites, Path home) {
    List<SiteConfig> configs = Sites.orDefault(sites, home);
    Map<String, SiteConfig> byName =
        configs.stream()
            .collect(Collectors.toMap(SiteConfig::name, Function.identity(), (a, b) -> a));
    List<String> problems = new ArrayList<>();
    SiteChooser chooser = SiteChooser.firstAllowed(List.copyOf(byName.keySet()));
    Providers providers = new Providers();
    for (PlannedJob job : plan.jobs()) {
      String site = placement(job, configs, chooser, problems);
      if (site == null) {
        continue;
      }
      SiteConfig c = byName.get(site);
      try {
        for (String misfit : providers.of(c).misfits(c, job.spec())) {
          problems.add("job " + job.id() + ": site " + site + ": " + misfit);
        }
      } catch (ConnectorException | EngineException e) {
        problems.add("cannot check job " + job.id() + " against " + e.getMessage());
      }
    }
    return problems;
  }

  /**
   * The problems of placement only, for a run resumed on sites that may have changed.
   *
   * @throws EngineException with every job that could go to none of these sites
   */
  static void requirePlacements(Plan plan, List<String> names) {
    List<SiteConfig> configs = names.stream().map(n -> new SiteConfig(n, "any", null)).toList();
    List<String> problems = new ArrayList<>();
    SiteChooser chooser = SiteChooser.firstAllowed(names);
    for (PlannedJob job : plan.jobs()) {
      placement(job, configs, chooser, problems);
    }
    if (!problems.isEmpty()) {
      throw new EngineException(String.join("\n", problems));
    }
  }

  /** The site the job goes to, or null (with the reasons added to {@code problems}). */
  private static String placement(
      PlannedJob job, List<SiteConfig> configs, SiteChooser chooser, List<String> problems) {
    List<String> names = configs.stream().map(SiteConfig::name).toList();
    Placement p = job.spec().placement();
    List<String> unknown = p.sites().stream().filter(s -> !names.contains(s)).toList();
    if (!unknown.isEmpty()) {
      problems.add(
          "job "
              + job.id()
              + ": placement.sites names "
              + String.join(", ", unknown)
              + (unknown.size() == 1 ? ", which is" : ", which are")
              + " not configured (sites: "
              + String.join(", ", names)
              + ")");
      return null;
    }
    String site = chooser.siteFor(job);
    if (site == null) {
      problems.add(
          "job "
              + job.id()
              + ": no site it may run on: its placement excludes "
              + String.join(", ", p.excludeSites())
              + " (sites: "
              + String.join(", ", names)
              + ")");
    }
    return site;
  }
}
