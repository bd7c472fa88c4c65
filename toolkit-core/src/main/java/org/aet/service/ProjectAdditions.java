package org.aet.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.aet.model.Transcript;
import org.aet.pipeline.ProgressListener;
import org.aet.pipeline.ReadCorpus;
import org.aet.project.ProjectStore;
import org.aet.refiqda.QdpxReader;

/**
 * Adds transcripts to a project: the work behind {@code aet add}. Each transcript is stored with
 * the SHA-256 of its file's bytes, so adding the same folder again leaves what is there as it is;
 * REFI-QDA projects bring their codebook and coding along.
 */
public final class ProjectAdditions {
  private ProjectAdditions() {}

  /**
   * How the transcripts went in.
   *
   * @param added new transcripts
   * @param unchanged transcripts the project already held with this content
   * @param sameText transcripts not added, since the project holds their very text under another id
   */
  public record Added(int added, int unchanged, int sameText) {}

  /** Hears each REFI-QDA project as it is imported. */
  @FunctionalInterface
  public interface ImportListener {
    void imported(Path file, QdpxReader.Imported imported);
  }

  /**
   * Stores {@code read}'s transcripts in {@code project}; a transcript whose text the project holds
   * under another id is not added, and a note on {@code progress} says which.
   *
   * @throws AetException when a transcript's file cannot be read again or the project not written
   */
  public static Added transcripts(Path project, ReadCorpus read, ProgressListener progress)
      throws AetException {
    int added = 0;
    int unchanged = 0;
    try (ProjectStore store = ProjectStore.open(project)) {
      for (Transcript transcript : read.transcripts()) {
        ProjectStore.Added result = store.addTranscript(transcript, contentHash(transcript));
        switch (result.outcome()) {
          case NEW -> added++;
          case UNCHANGED -> unchanged++;
          case SAME_CONTENT ->
              progress.note(
                  transcript.source()
                      + ": not added: the project already holds this very text as the transcript \""
                      + result.existingId()
                      + "\"");
        }
      }
    }
    return new Added(added, unchanged, read.transcripts().size() - added - unchanged);
  }

  /**
   * Imports REFI-QDA projects into {@code project}: every file read and checked first, then each
   * recorded, {@code listener} hearing each as it is.
   *
   * @param codebookName the name for the codebook of a project made by another tool, or null for
   *     the file's name
   * @throws AetException when a file is not a REFI-QDA project aet can read, or the project cannot
   *     be written
   */
  public static void refiQda(
      Path project, List<Path> files, String codebookName, ImportListener listener)
      throws AetException {
    List<QdpxReader.Prepared> prepared = new ArrayList<>();
    for (Path file : files) {
      prepared.add(QdpxReader.read(file, codebookName));
    }
    try (ProjectStore store = ProjectStore.open(project)) {
      for (int i = 0; i < files.size(); i++) {
        listener.imported(files.get(i), QdpxReader.importInto(store, prepared.get(i)));
      }
    }
  }

  /** The SHA-256 of a transcript's file, in lower-case hexadecimal: its content hash. */
  static String contentHash(Transcript transcript) throws AetException {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(transcript.source())));
    } catch (IOException e) {
      throw new AetException(transcript.source() + ": cannot read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
