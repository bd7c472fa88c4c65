package org.aet.cli;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aet.diagnostics.AetException;
import org.aet.ingest.Corpus;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.project.ProjectStore;
import org.aet.refiqda.QdpxReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aet add}: transcripts into a project. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Adds transcripts to a project, with their case, attributes, speakers' roles and a content hash."
          + " A transcript already there with the same content is left as it is.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  aet add study.aet corpora/partnerships",
      "  aet add study.aet nvivo-project.qdpx"
    })
final class AddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file.")
  Path project;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "TRANSCRIPT",
      description =
          "Transcript files or folders of them, or REFI-QDA projects (.qdpx, .qde) from NVivo,"
              + " ATLAS.ti, MAXQDA or aet, with their codebook and coding.")
  java.util.List<Path> inputs;

  @Mixin ReadingOptions reading;

  @Option(
      names = "--codebook-name",
      paramLabel = "NAME",
      description =
          "The name for the codebook of a REFI-QDA project made by another tool (default: the file's"
              + " name).")
  String codebookName;

  @Override
  public Integer call() throws AetException {
    PrintWriter out = spec.commandLine().getOut();
    java.util.List<Path> projects = inputs.stream().filter(AddCommand::isRefiQdaProject).toList();
    if (!projects.isEmpty()) {
      java.util.List<QdpxReader.Prepared> prepared = new java.util.ArrayList<>();
      for (Path file : projects) {
        prepared.add(QdpxReader.read(file, codebookName));
      }
      try (ProjectStore store = ProjectStore.open(project)) {
        for (int i = 0; i < projects.size(); i++) {
          Path file = projects.get(i);
          QdpxReader.Imported imported = QdpxReader.importInto(store, prepared.get(i));
          imported
              .warnings()
              .forEach(w -> spec.commandLine().getErr().println(file + ": warning: " + w));
          out.printf(
              "Imported %s into %s: %d transcript(s) (%d already there), %s, %d coded selection(s)"
                  + " as %d decision(s) by %s.%n",
              file,
              project,
              imported.added(),
              imported.unchanged(),
              imported.codebook() == null
                  ? "no codebook"
                  : "codebook "
                      + imported.codebook().name()
                      + " ("
                      + imported.codebook().codes().size()
                      + " codes)",
              imported.selections(),
              imported.decisions(),
              imported.coders().isEmpty() ? "no one" : String.join(", ", imported.coders()));
        }
      }
      if (projects.size() == inputs.size()) {
        return 0;
      }
    }
    java.util.List<Path> transcripts = inputs.stream().filter(p -> !isRefiQdaProject(p)).toList();
    Corpus corpus = reading.corpus(transcripts);
    PrintWriter err = spec.commandLine().getErr();
    ReadCorpus read =
        ReadCorpus.read(
            corpus,
            new ProgressListener() {
              @Override
              public void warning(org.aet.diagnostics.Diagnostic warning) {
                err.println(warning.format());
              }
            });
    int added = 0;
    int unchanged = 0;
    try (ProjectStore store = ProjectStore.open(project)) {
      for (var transcript : read.transcripts()) {
        String hash;
        try {
          hash = Hashing.sha256().hashBytes(Files.readAllBytes(transcript.source())).toString();
        } catch (IOException e) {
          throw new AetException(transcript.source() + ": cannot read: " + e.getMessage(), e);
        }
        ProjectStore.Added result = store.addTranscript(transcript, hash);
        switch (result.outcome()) {
          case NEW -> added++;
          case UNCHANGED -> unchanged++;
          case SAME_CONTENT ->
              err.println(
                  transcript.source()
                      + ": not added: the project already holds this very text as the transcript \""
                      + result.existingId()
                      + "\"");
        }
      }
    }
    out.printf(
        "Added %d transcript(s) to %s (%d already there, %d the same text as one already there).%n",
        added, project, unchanged, read.transcripts().size() - added - unchanged);
    return 0;
  }

  private static boolean isRefiQdaProject(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".qdpx") || name.endsWith(".qde");
  }
}
