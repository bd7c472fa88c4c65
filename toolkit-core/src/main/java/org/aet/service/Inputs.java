package org.aet.service;

import java.nio.file.Path;
import java.util.List;
import org.aet.diagnostics.AetException;
import org.aet.ingest.Corpus;

/** What a workflow reads: the transcripts of a project, or transcript files and folders. */
public sealed interface Inputs {
  /** The files and folders given. */
  List<Path> paths();

  /** The inputs as an export's "how it was made" names them. */
  default List<String> names() {
    return paths().stream().map(Path::toString).toList();
  }

  /** A project's transcripts. */
  record Project(Path file) implements Inputs {
    @Override
    public List<Path> paths() {
      return List.of(file);
    }
  }

  /**
   * Transcript files and folders, found only when the workflow reads them (after the settings and
   * other inputs are checked), by {@code finder} (with the front end's reading options: manifest,
   * strictness).
   */
  record Files(List<Path> paths, Finder finder) implements Inputs {
    public Files {
      paths = List.copyOf(paths);
    }
  }

  /** Finds the corpus of {@link Files}. */
  @FunctionalInterface
  interface Finder {
    Corpus find() throws AetException;
  }
}
