package io.fedflow.connectors.slurm.rest;

/**
 * The GPUs in a node's GRES text, as slurmctld writes it in both API families and in {@code sinfo}:
 * {@code gpu:a100:4(S:0-1),shard:8}, and for the used ones {@code gpu:a100:2(IDX:0-1)}.
 */
public final class GresGpus {
  private GresGpus() {}

  /** The sum of the {@code gpu} entries' counts; 0 for null, empty or {@code (null)}. */
  public static int count(String gres) {
    if (gres == null) {
      return 0;
    }
    // Index and socket lists in parentheses may hold commas: drop them before splitting.
    String plain = gres.replaceAll("\\([^)]*\\)", "");
    int gpus = 0;
    for (String entry : plain.split(",")) {
      String[] parts = entry.strip().split(":");
      if (parts.length >= 2 && parts[0].equals("gpu")) {
        String count = parts[parts.length - 1];
        if (count.matches("[0-9]{1,6}")) {
          gpus += Integer.parseInt(count);
        }
      }
    }
    return gpus;
  }
}
