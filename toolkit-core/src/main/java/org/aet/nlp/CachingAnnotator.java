package org.aet.nlp;

import com.google.common.hash.Hashing;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aet.model.Sentence;
import org.aet.model.Span;
import org.aet.model.TextAnnotation;
import org.aet.model.Token;

/**
 * Keeps annotations on disk, keyed by the SHA-256 of the annotator's description and the text, so
 * coding the same transcripts again (after editing a codebook, say) skips NLP entirely. A different
 * text or different annotator settings give a different key, so a stale entry can never be used.
 * Entries are written to a temporary file and moved into place, so concurrent runs and interrupted
 * runs leave no broken entry; an unreadable entry is treated as missing and written again. An entry
 * stores each distinct string once and tokens as indices into that table, which keeps entries small
 * and quick to read.
 */
public final class CachingAnnotator implements Annotator {
  private static final int FORMAT = 3;
  private static final int MAGIC = 0x41455441; // "AETA"

  private final Annotator annotator;
  private final Path folder;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public CachingAnnotator(Annotator annotator, Path folder) {
    this.annotator = annotator;
    this.folder = folder;
  }

  /**
   * The cache folder aet uses by default: {@code $XDG_CACHE_HOME/aet/annotations} or {@code
   * ~/.cache/...}.
   */
  public static Path defaultFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("aet").resolve("annotations");
  }

  @Override
  public String description() {
    return annotator.description();
  }

  @Override
  public TextAnnotation annotate(String text) {
    String key =
        Hashing.sha256()
            .hashString(annotator.description() + "\n" + text, StandardCharsets.UTF_8)
            .toString();
    Path file = folder.resolve(key.substring(0, 2)).resolve(key + ".ann");
    if (Files.isRegularFile(file)) {
      try {
        TextAnnotation cached = read(file);
        hits.incrementAndGet();
        return cached;
      } catch (IOException | RuntimeException unreadable) {
        // A damaged entry is a miss: annotate again and replace it.
      }
    }
    misses.incrementAndGet();
    TextAnnotation annotation = annotator.annotate(text);
    try {
      write(file, annotation);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write to the annotation cache " + folder + ": " + e.getMessage(), e);
    }
    return annotation;
  }

  /** Texts found in the cache so far. */
  public long hits() {
    return hits.get();
  }

  /** Texts that had to be annotated so far. */
  public long misses() {
    return misses.get();
  }

  private static TextAnnotation read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
        throw new IOException("not an annotation cache entry");
      }
      String[] strings = new String[in.readInt()];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = string(in);
      }
      int tokenCount = in.readInt();
      List<Token> tokens = new ArrayList<>(tokenCount);
      for (int i = 0; i < tokenCount; i++) {
        String word = strings[in.readInt()];
        String lemma = strings[in.readInt()];
        String pos = strings[in.readInt()];
        String entity = strings[in.readInt()];
        int begin = in.readInt();
        Span span = new Span(begin, begin + in.readInt());
        tokens.add(new Token(word, lemma, pos, span, entity, in.readDouble()));
      }
      int sentenceCount = in.readInt();
      List<Sentence> sentences = new ArrayList<>(sentenceCount);
      for (int i = 0; i < sentenceCount; i++) {
        int begin = in.readInt();
        int end = in.readInt();
        sentences.add(new Sentence(new Span(begin, end), in.readInt(), in.readInt()));
      }
      return new TextAnnotation(tokens, sentences);
    }
  }

  private static void write(Path file, TextAnnotation annotation) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
    try {
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        Map<String, Integer> table = new LinkedHashMap<>();
        for (Token token : annotation.tokens()) {
          for (String value :
              new String[] {token.word(), token.lemma(), token.pos(), token.entity()}) {
            table.putIfAbsent(value, table.size());
          }
        }
        out.writeInt(table.size());
        for (String value : table.keySet()) {
          string(out, value);
        }
        out.writeInt(annotation.tokens().size());
        for (Token token : annotation.tokens()) {
          out.writeInt(table.get(token.word()));
          out.writeInt(table.get(token.lemma()));
          out.writeInt(table.get(token.pos()));
          out.writeInt(table.get(token.entity()));
          out.writeInt(token.span().begin());
          out.writeInt(token.span().length());
          out.writeDouble(token.sentiment());
        }
        out.writeInt(annotation.sentences().size());
        for (Sentence sentence : annotation.sentences()) {
          out.writeInt(sentence.span().begin());
          out.writeInt(sentence.span().end());
          out.writeInt(sentence.firstToken());
          out.writeInt(sentence.endToken());
        }
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > (64 << 20)) {
      throw new IOException("damaged entry");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
