package io.fedflow.dag.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a job's templates may use: the declared parameters, {@code item} or {@code item.KEY}
 * according to its fan-out, and always {@code job.id}, {@code job.name}, {@code job.index} and
 * {@code workflow.name}. Built once per workflow and narrowed per job without copying the
 * parameters, so checking a hundred thousand jobs stays linear.
 */
public final class TemplateNames {
  /** The names every job sees, in the order error messages list them. */
  public static final List<String> ALWAYS =
      List.of("job.id", "job.name", "job.index", "workflow.name");

  private static final String ITEM = "item";
  private static final String ITEM_DOT = "item.";
  private static final String PARAMS_DOT = "params.";

  private final Set<String> params;
  private final boolean scalarItem;
  private final List<String> itemKeys;
  private final boolean jobNames;

  private TemplateNames(
      Set<String> params, boolean scalarItem, List<String> itemKeys, boolean jobNames) {
    this.params = params;
    this.scalarItem = scalarItem;
    this.itemKeys = itemKeys;
    this.jobNames = jobNames;
  }

  /** The names of a job without fan-out, in a workflow with these parameters. */
  public static TemplateNames of(Iterable<String> params) {
    Set<String> copy = new LinkedHashSet<>();
    params.forEach(copy::add);
    return new TemplateNames(copy, false, List.of(), true);
  }

  /** These names plus {@code item}: a fan-out over values or a range. */
  public TemplateNames withItem() {
    return new TemplateNames(params, true, List.of(), true);
  }

  /** These names plus {@code item.KEY} for each key: a fan-out over records or a matrix. */
  public TemplateNames withItemKeys(List<String> keys) {
    return new TemplateNames(params, false, List.copyOf(keys), true);
  }

  /** Only the parameters: what a range bound may use. */
  public TemplateNames paramsOnly() {
    return new TemplateNames(params, false, List.of(), false);
  }

  public boolean contains(String name) {
    if (name.startsWith(PARAMS_DOT)) {
      return params.contains(name.substring(PARAMS_DOT.length()));
    }
    if (name.equals(ITEM)) {
      return scalarItem;
    }
    if (name.startsWith(ITEM_DOT)) {
      return itemKeys.contains(name.substring(ITEM_DOT.length()));
    }
    return jobNames && ALWAYS.contains(name);
  }

  /** Every name, as listed in error messages: {@code params.epochs, item, job.id, ...}. */
  public List<String> all() {
    List<String> out = new ArrayList<>();
    params.forEach(p -> out.add(PARAMS_DOT + p));
    if (scalarItem) {
      out.add(ITEM);
    }
    itemKeys.forEach(k -> out.add(ITEM_DOT + k));
    if (jobNames) {
      out.addAll(ALWAYS);
    }
    return out;
  }

  @Override
  public String toString() {
    return String.join(", ", all());
  }
}
