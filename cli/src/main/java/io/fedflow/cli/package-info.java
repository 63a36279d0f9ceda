/** The {@code fedflow} command: one picocli class per subcommand, messages instead of traces. */
package io.fedflow.cli;
