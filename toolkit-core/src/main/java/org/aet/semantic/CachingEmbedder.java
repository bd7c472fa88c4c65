package org.aet.semantic;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.aet.io.AtomicOutput;

/**
 * Keeps embeddings on disk, keyed by the SHA-256 of the model's description and the texts embedded
 * together (the pipeline embeds a transcript's sentence windows in one call, so one entry holds one
 * transcript), so coding the same transcripts again does not embed again. Entries are written to a
 * temporary file and moved into place; an unreadable entry is a miss and is written again.
 */
public final class CachingEmbedder implements SentenceEmbedder {
  private static final int MAGIC = 0x41455445; // "AETE"
  private static final int FORMAT = 1;

  private final SentenceEmbedder embedder;
  private final Path folder;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public CachingEmbedder(SentenceEmbedder embedder, Path folder) {
    this.embedder = embedder;
    this.folder = folder;
  }

  @Override
  public String description() {
    return embedder.description();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    Hasher hasher = Hashing.sha256().newHasher();
    hasher.putString(embedder.description(), StandardCharsets.UTF_8).putInt(texts.size());
    for (String text : texts) {
      hasher.putInt(text.length()).putString(text, StandardCharsets.UTF_8);
    }
    String key = hasher.hash().toString();
    Path file = folder.resolve(key.substring(0, 2)).resolve(key + ".emb");
    if (Files.isRegularFile(file)) {
      try {
        List<float[]> cached = read(file, texts.size());
        hits.incrementAndGet();
        return cached;
      } catch (IOException | RuntimeException unreadable) {
        // A damaged entry is a miss: embed again and replace it.
      }
    }
    misses.incrementAndGet();
    List<float[]> vectors = embedder.embed(texts);
    try {
      write(file, vectors);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write to the embedding cache " + folder + ": " + e.getMessage(), e);
    }
    return vectors;
  }

  /** Calls answered from the cache so far. */
  public long hits() {
    return hits.get();
  }

  /** Calls that had to embed so far. */
  public long misses() {
    return misses.get();
  }

  private static List<float[]> read(Path file, int expected) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
        throw new IOException("not an embedding cache entry");
      }
      int count = in.readInt();
      int dimension = in.readInt();
      if (count != expected || dimension <= 0 || dimension > 65_536) {
        throw new IOException("damaged entry");
      }
      List<float[]> vectors = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        float[] vector = new float[dimension];
        for (int j = 0; j < dimension; j++) {
          vector[j] = in.readFloat();
        }
        vectors.add(vector);
      }
      return vectors;
    }
  }

  private static void write(Path file, List<float[]> vectors) throws IOException {
    try (AtomicOutput output = new AtomicOutput(file)) {
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(output.temporary()), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(vectors.size());
        out.writeInt(vectors.get(0).length);
        for (float[] vector : vectors) {
          for (float value : vector) {
            out.writeFloat(value);
          }
        }
      }
      output.commit();
    }
  }
}
