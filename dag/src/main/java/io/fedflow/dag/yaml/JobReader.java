package io.fedflow.dag.yaml;

import io.fedflow.dag.Dependency;
import io.fedflow.dag.JobBuilder;
import io.fedflow.dag.JobDefaults;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Program;
import io.fedflow.dag.StagedFile;
import io.fedflow.dag.WorkEstimate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads one job (of {@code jobs} or {@code final}) and the workflow's {@code defaults}. */
final class JobReader {
  static final String PROGRAMS = "one of command, script or scriptFile";
  static final String COMMAND = "a list of arguments like [python3, train.py]";

  private JobReader() {}

  /** The job {@code id} written at {@code x}; null when it is not a map (reported). */
  static JobSpec job(String id, Field x) {
    Fields f = x.fields(Vocabulary.JOB);
    if (f == null) {
      return null;
    }
    JobBuilder b = JobSpec.builder(id);
    f.read("description", y -> y.text("text"), b::description);
    program(f, b);
    f.read("stdin", y -> y.text("a file path"), b::stdin);
    f.read("stdout", y -> y.text("a file path"), b::stdout);
    f.read("stderr", y -> y.text("a file path"), b::stderr);
    f.read(
        "inputs", JobReader::staged, files -> files.forEach(s -> b.input(s.source(), s.target())));
    f.read(
        "outputs",
        JobReader::staged,
        files -> files.forEach(s -> b.output(s.source(), s.target())));
    f.read("work", JobReader::work, b::work);
    f.read("forEach", FanOut::forEach, b::forEach);
    f.read("needs", FanOut::needs, deps -> deps.forEach(d -> need(b, d)));
    Settings.read(f, b);
    return b.build();
  }

  /** The workflow's defaults written at {@code x}; null when wrong (reported). */
  static JobDefaults defaults(Field x) {
    Fields f = x.fields(Vocabulary.DEFAULTS);
    if (f == null) {
      return null;
    }
    JobBuilder b = JobSpec.builder("defaults");
    Settings.read(f, b);
    return JobDefaults.from(b.build());
  }

  /** Exactly one of command, script and scriptFile; args only with a script. */
  private static void program(Fields f, JobBuilder b) {
    List<String> given = new ArrayList<>();
    for (String name : List.of("command", "script", "scriptFile")) {
      if (f.has(name)) {
        given.add(name);
      }
    }
    Field args = f.get("args");
    if (given.isEmpty()) {
      f.field().report(PROGRAMS, "none");
    } else if (given.size() > 1) {
      String last = given.remove(given.size() - 1);
      f.field().report(PROGRAMS, String.join(", ", given) + " and " + last);
    } else if (f.has("command") && args != null) {
      args.report(
          "args only with script or scriptFile (put them in the command list)",
          "args with command");
    }
    List<String> argv = f.value("args", y -> y.texts("a list of arguments", "an argument"));
    List<String> command = f.value("command", JobReader::command);
    String script = f.value("script", y -> y.text("a script's text"));
    String file = f.value("scriptFile", y -> y.text("a script file path"));
    boolean argsRead = args == null || argv != null;
    if (given.size() != 1) {
      return;
    }
    if (command != null && args == null) {
      b.program(new Program.Command(command));
    } else if (script != null && argsRead) {
      b.program(new Program.InlineScript(script, argv));
    } else if (file != null && argsRead) {
      b.program(new Program.ScriptFile(file, argv));
    }
  }

  private static void need(JobBuilder b, Dependency d) {
    if (d.itemwise()) {
      b.needsEach(d.job());
    } else {
      b.needs(d.job());
    }
  }

  private static List<String> command(Field x) {
    if (x.isText()) {
      x.wrong(COMMAND);
      return null;
    }
    List<String> argv = x.texts(COMMAND, "an argument");
    if (argv != null && argv.isEmpty()) {
      x.wrong(COMMAND);
      return null;
    }
    return argv;
  }

  /** Files to stage: each a path, or {from, to}. */
  private static List<StagedFile> staged(Field x) {
    List<Field> items = x.items("a list of files, each a path or {from: ..., to: ...}");
    if (items == null) {
      return null;
    }
    List<StagedFile> out = new ArrayList<>();
    boolean ok = true;
    for (Field item : items) {
      StagedFile s = stagedFile(item);
      ok &= s != null;
      out.add(s);
    }
    return ok ? out : null;
  }

  private static StagedFile stagedFile(Field x) {
    if (!x.isMap()) {
      String path = x.text(Vocabulary.STAGING.expected());
      return path == null ? null : StagedFile.same(path);
    }
    Fields f = x.fields(Vocabulary.STAGING);
    String from = f.required("from", "a path or URI", y -> y.text("a path or URI"));
    String to = f.required("to", "a path or URI", y -> y.text("a path or URI"));
    return from == null || to == null ? null : new StagedFile(from, to);
  }

  private static WorkEstimate work(Field x) {
    Fields f = x.fields(Vocabulary.WORK);
    if (f == null) {
      return null;
    }
    Double cores = f.value("coreHours", y -> y.number("a number of hours like 12 or 0.5", 0));
    Double gpus = f.value("gpuHours", y -> y.number("a number of hours like 12 or 0.5", 0));
    Duration runtime = f.value("runtime", Field::duration);
    return new WorkEstimate(cores, gpus, runtime);
  }
}
