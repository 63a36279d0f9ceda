package io.fedflow.dag;

/**
 * The container a job runs in: {@code docker://registry/image:tag} (pulled by the site's runtime,
 * Apptainer on HPC sites) or a path to an Apptainer image file ending in {@code .sif}.
 */
public record ContainerImage(String reference) {
  public ContainerImage {
    Copies.required(reference, "a container image reference");
    if (!isValid(reference)) {
      throw new IllegalArgumentException(
          "an image like docker://python:3.12 or a .sif file but was '" + reference + "'");
    }
  }

  /** Whether {@code reference} is a docker://, oras:// or library:// URI, or a .sif file. */
  public static boolean isValid(String reference) {
    String r = reference.strip();
    if (!r.equals(reference) || r.isEmpty()) {
      return false;
    }
    for (String scheme : new String[] {"docker://", "oras://", "library://"}) {
      if (r.startsWith(scheme)) {
        return r.length() > scheme.length();
      }
    }
    return r.endsWith(".sif") && r.length() > 4;
  }

  @Override
  public String toString() {
    return reference;
  }
}
