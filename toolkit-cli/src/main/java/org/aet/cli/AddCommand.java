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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    footer = {"", "Example:", "  aet add study.aet corpora/partnerships"})
final class AddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file.")
  Path project;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "TRANSCRIPT",
      description = "Transcript files or folders of them.")
  java.util.List<Path> inputs;

  @Mixin ReadingOptions reading;

  @Override
  public Integer call() throws AetException {
    PrintWriter out = spec.commandLine().getOut();
    Corpus corpus = reading.corpus(inputs);
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
}
