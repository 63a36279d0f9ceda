/**
 * The YAML format of workflows (version 1): a reader that reports every error of a file with its
 * line, column and field path, and a writer whose output the reader reads back equal.
 */
package io.fedflow.dag.yaml;
