package io.fedflow.engine.store;

import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's plan with a position for each instance: the jobs in plan order, each job's instances by
 * index, numbered from 0. The journal names instances by position, so the plan order is part of the
 * stored format: a change to how {@link Plan} orders jobs needs a new journal format.
 */
final class Positions {
  final Plan plan;
  final PlannedJob[] jobs;
  private final long[] first;
  private final Map<String, Integer> numbers;
  final long total;

  /** When the run was created: when its waiting instances last changed. */
  final Instant createdAt;

  Positions(Plan plan, Instant createdAt) {
    this.plan = plan;
    this.createdAt = createdAt;
    List<PlannedJob> list = plan.jobs();
    jobs = list.toArray(PlannedJob[]::new);
    first = new long[jobs.length + 1];
    numbers = new HashMap<>(jobs.length * 2);
    for (int j = 0; j < jobs.length; j++) {
      first[j + 1] = first[j] + jobs[j].size();
      numbers.put(jobs[j].id(), j);
    }
    total = first[jobs.length];
  }

  /** The instance's position, or -1 when the plan has no such instance. */
  long of(String job, long index) {
    Integer j = numbers.get(job);
    if (j == null || index < 0 || index >= jobs[j].size()) {
      return -1;
    }
    return first[j] + index;
  }

  /** The number of the job holding {@code position}. */
  int jobAt(long position) {
    int k = Arrays.binarySearch(first, position);
    int j = k >= 0 ? k : -k - 2;
    while (j + 1 < first.length && first[j + 1] == position) {
      j++; // jobs of no instances share a first position with the next
    }
    return j;
  }

  long indexAt(int job, long position) {
    return position - first[job];
  }

  /** The position of the instance of this id, or -1; looks through a fan-out's ids in order. */
  long find(String instanceId) {
    for (int j = 0; j < jobs.length; j++) {
      PlannedJob job = jobs[j];
      if (!instanceId.startsWith(job.id())) {
        continue;
      }
      if (!job.fansOut()) {
        if (instanceId.equals(job.id())) {
          return first[j];
        }
      } else if (instanceId.startsWith("[", job.id().length())) {
        for (long i = 0; i < job.size(); i++) {
          if (job.instanceId(i).equals(instanceId)) {
            return first[j] + i;
          }
        }
      }
    }
    return -1;
  }

  boolean contains(long position) {
    return position >= 0 && position < total;
  }
}
