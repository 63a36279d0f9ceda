package io.fedflow.dag;

/**
 * One job waiting for another. By default a job waits for every instance of the job it needs (a
 * fan-in); an item-wise dependency pairs the instances of two fan-outs over the same items, so that
 * {@code reconstruct[i]} waits only for {@code simulate[i]}. Written {@code simulate} and {@code
 * simulate[item]} in YAML.
 */
public record Dependency(String job, boolean itemwise) {
  public Dependency {
    Copies.required(job, "the name of the job depended on");
  }

  public static Dependency on(String job) {
    return new Dependency(job, false);
  }

  public static Dependency itemwise(String job) {
    return new Dependency(job, true);
  }

  /** As written in YAML. */
  @Override
  public String toString() {
    return itemwise ? job + "[item]" : job;
  }
}
