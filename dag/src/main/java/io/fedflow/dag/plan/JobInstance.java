package io.fedflow.dag.plan;

import io.fedflow.dag.JobSpec;
import java.util.Map;

/**
 * One instance of a job, ready to hand to a site: its id ({@code simulate[017]}, or the job id when
 * the job does not fan out), its index in the fan-out, the item it was made for (empty without a
 * fan-out; {@code {"item": "17"}} for a range or value list; the record's fields for a record list
 * or matrix) and its spec with defaults applied and every template rendered. The rendered spec has
 * no forEach and keeps its needs as written (job ids, not instance ids).
 */
public record JobInstance(
    String id, String job, long index, Map<String, String> item, JobSpec spec) {}
