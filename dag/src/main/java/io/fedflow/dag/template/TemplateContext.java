package io.fedflow.dag.template;

import java.util.Map;

/**
 * The values of a job instance's template names. The maps are used as given, not copied: one
 * context is made per instance, and a fan-out may have millions.
 *
 * @param params the parameters in force
 * @param item the value of {@code {{item}}} (a range or value fan-out), or null
 * @param itemFields the values of {@code {{item.KEY}}} (a record or matrix fan-out), or empty
 * @param jobId the instance id, {@code simulate[017]}
 * @param jobName the job id, {@code simulate}
 * @param index the instance's position in its fan-out, from 0
 * @param workflowName the workflow's name
 */
public record TemplateContext(
    Map<String, String> params,
    String item,
    Map<String, String> itemFields,
    String jobId,
    String jobName,
    long index,
    String workflowName) {

  public TemplateContext {
    params = params == null ? Map.of() : params;
    itemFields = itemFields == null ? Map.of() : itemFields;
  }

  /** The value of {@code name}, or null when it has none. */
  public String value(String name) {
    switch (name) {
      case "item":
        return item;
      case "job.id":
        return jobId;
      case "job.name":
        return jobName;
      case "job.index":
        return Long.toString(index);
      case "workflow.name":
        return workflowName;
      default:
        break;
    }
    if (name.startsWith("params.")) {
      return params.get(name.substring("params.".length()));
    }
    if (name.startsWith("item.")) {
      return itemFields.get(name.substring("item.".length()));
    }
    return null;
  }
}
