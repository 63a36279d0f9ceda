package io.fedflow.connectors.slurm.rest;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The slurmrestd API versions fedflow speaks, newest first: the first one a server serves wins. */
public enum ApiVersion {
  V0042("v0.0.42"),
  V0041("v0.0.41"),
  V0040("v0.0.40"),
  V0038("v0.0.38");

  private final String tag;

  ApiVersion(String tag) {
    this.tag = tag;
  }

  /** As written in paths: {@code v0.0.42}. */
  public String tag() {
    return tag;
  }

  /** True for v0.0.40 and later: time and limit objects, lists of states, trailing slashes. */
  public boolean modern() {
    return this != V0038;
  }

  /** The version a site config names, like {@code v0.0.38}. */
  public static Optional<ApiVersion> named(String tag) {
    return Arrays.stream(values()).filter(v -> v.tag.equals(tag)).findFirst();
  }

  /** The newest version whose {@code /slurm/<version>/} paths appear among these. */
  public static Optional<ApiVersion> newestServed(Set<String> paths) {
    return Arrays.stream(values())
        .filter(v -> paths.stream().anyMatch(p -> p.startsWith("/slurm/" + v.tag + "/")))
        .findFirst();
  }

  /** Whether the server serves accounting ({@code /slurmdb/<version>/}) for this version. */
  public boolean accountingServed(Set<String> paths) {
    return paths.stream().anyMatch(p -> p.startsWith("/slurmdb/" + tag + "/"));
  }
}
