package io.fedflow.benchmarks;

import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.connectors.slurm.rest.SlurmJson;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.Submission;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * The JSON body fedflow's Slurm connector POSTs for a submission, byte for byte, for the raw loop
 * of {@link SlurmSubmitBenchmark}: the same bodies on both sides, so that the ratio measures
 * fedflow and not a shorter script. The connector keeps these steps to itself (package-private), so
 * they are reached by reflection here, in the benchmark only.
 */
final class SubmitBodies {
  private final Object settings;
  private final Method request;
  private final Method codec;

  SubmitBodies(SiteConfig site, boolean modern) throws ReflectiveOperationException {
    Class<?> settingsType = Class.forName("io.fedflow.connectors.slurm.SlurmSettings");
    Method of =
        settingsType.getDeclaredMethod("of", SiteConfig.class, Clock.class, UnaryOperator.class);
    of.setAccessible(true);
    UnaryOperator<String> env = System::getenv;
    this.settings = of.invoke(null, site, Clock.systemUTC(), env);
    this.request =
        Class.forName("io.fedflow.connectors.slurm.SubmitRequest")
            .getDeclaredMethod("of", Submission.class, settingsType);
    request.setAccessible(true);
    this.codec =
        Class.forName(
                modern
                    ? "io.fedflow.connectors.slurm.rest.v0040.V0040Codec"
                    : "io.fedflow.connectors.slurm.rest.v0038.V0038Codec")
            .getDeclaredMethod("submission", JobRequest.class);
    codec.setAccessible(true);
  }

  String of(Submission s) throws ReflectiveOperationException {
    JobRequest r = (JobRequest) request.invoke(null, s, settings);
    return SlurmJson.write(codec.invoke(null, r));
  }
}
