package org.aet.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.pipeline.ProgressListener;
import org.aet.segment.SegmentUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aet spark code}: the same coding as {@code aet code}, run by Spark, on this machine
 * ({@code local[*]}) or, through {@code spark-submit}, on a cluster.
 */
@Command(
    name = "aet spark",
    mixinStandardHelpOptions = true,
    subcommands = Main.Code.class,
    description = "Codes a corpus with Apache Spark, for corpora past one machine.")
public final class Main {
  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line, returning the exit code: 0 done, 1 failed, 2 usage. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
  }

  @Command(
      name = "code",
      mixinStandardHelpOptions = true,
      description =
          "Codes the transcripts of a folder as 'aet code' does, writing OUT/segments.jsonl/ (the"
              + " lines 'aet code -o x.jsonl' writes), OUT/parquet/ (by transcript), OUT/method.json"
              + " and OUT/summary.json.")
  static final class Code implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        paramLabel = "INPUT",
        description =
            "The folder of transcripts: a path, or an address such as hdfs://namenode/hearings or"
                + " s3a://bucket/hearings.")
    String input;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "OUT",
        description = "The folder to write (must not exist yet).")
    Path output;

    @Option(
        names = "--codebook",
        defaultValue = "four-tensions",
        description =
            "A shipped codebook's name or a codebook .json file (default: ${DEFAULT-VALUE}).")
    String codebook;

    @Option(
        names = "--unit",
        defaultValue = "turn",
        description = "What one coded segment is: turn or sentence (default: ${DEFAULT-VALUE}).")
    String unit;

    @Option(
        names = "--floor",
        defaultValue = "0.5",
        description = "The estimated precision from which a suggestion is shown (default: 0.5).")
    double floor;

    @Option(names = "--no-semantic", description = "Suggest from the codebook's rules alone.")
    boolean noSemantic;

    @Option(names = "--model", description = "A model made by 'aet train'.")
    String model;

    @Option(
        names = "--starter",
        description =
            "Also suggest with the starter model shipped with the codebook (four-tensions).")
    boolean starter;

    @Option(
        names = "--cache",
        paramLabel = "FOLDER",
        description =
            "Keep annotations and sentence vectors in FOLDER (shared storage on a cluster);"
                + " none by default.")
    String cache;

    @Option(
        names = "--master",
        description =
            "Where Spark runs when not started by spark-submit (default: local[*], every core of"
                + " this machine).")
    String master;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SparkSettings settings = settings();
      try {
        SparkCoding.checkOutput(settings, output);
      } catch (AetException e) {
        err.println(e.getMessage());
        return 1;
      }
      ProgressListener notes = new TerminalProgress(err, System.console() != null);
      SparkSession spark = session(settings, notes);
      try {
        spark.sparkContext().setLogLevel("WARN");
        SparkCoding.Summary summary = SparkCoding.run(spark, settings, output, notes);
        report(out, err, summary);
        return summary.failed().isEmpty() ? 0 : 1;
      } catch (AetException e) {
        err.println(e.getMessage());
        return 1;
      } finally {
        spark.stop();
      }
    }

    /** The options as settings; one out of range is a usage error. */
    private SparkSettings settings() {
      try {
        return new SparkSettings(
            input,
            codebook,
            SegmentUnit.of(unit),
            floor,
            !noSemantic,
            model,
            starter,
            cache,
            Map.of());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }

    /**
     * The Spark session on {@code --master}, else spark.master, else every core of this machine.
     */
    private SparkSession session(SparkSettings settings, ProgressListener notes) {
      SparkSession.Builder builder = SparkSession.builder().appName("aet code");
      String chosen = master != null ? master : System.getProperty("spark.master", "local[*]");
      builder.master(chosen);
      if (chosen.startsWith("local")) {
        // This JVM is the executor too: prepare the coding while Spark starts; and the terminal
        // shows how it goes, so Spark's web UI is not started unless asked for.
        if (System.getProperty("spark.ui.enabled") == null) {
          builder.config("spark.ui.enabled", "false");
        }
        Thread ahead =
            new Thread(() -> SparkCoding.prepareAhead(settings, new SparkConf(), notes), "aet");
        ahead.setDaemon(true);
        ahead.start();
      }
      return builder.getOrCreate();
    }

    private void report(PrintWriter out, PrintWriter err, SparkCoding.Summary summary) {
      summary.warnings().forEach(err::println);
      for (Map.Entry<String, List<String>> failed : summary.failed().entrySet()) {
        failed.getValue().forEach(err::println);
      }
      out.printf(
          "Coded %d transcript(s), %,d words, as %,d segments: %,d suggested coding(s).%n",
          summary.transcripts(), summary.words(), summary.segments(), summary.codings());
      summary.codingsByCode().forEach((code, n) -> out.printf("  %-40s %6d%n", code, n));
      if (!summary.failed().isEmpty()) {
        out.printf(
            "%d transcript(s) could not be read and were left out: %s (see %s).%n",
            summary.failed().size(),
            String.join(", ", summary.failed().keySet()),
            output.resolve("summary.json"));
      }
      out.printf("Wrote %s.%n", output);
      out.flush();
    }
  }
}
