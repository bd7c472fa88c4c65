package org.aet.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.aet.io.AtomicOutput;

/**
 * A JSON Lines file being written: one object per line through {@link #json()}, each ended with
 * {@link #endLine()}. Like every output it appears at its target only on {@link #commit()}.
 */
final class JsonLinesOutput implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final AtomicOutput output;
  private final JsonGenerator json;

  JsonLinesOutput(Path target) throws IOException {
    this.output = new AtomicOutput(target);
    this.json = MAPPER.getFactory().createGenerator(output.temporary().toFile(), JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
  }

  /** A generator writing to memory as the file's does (no separator between objects). */
  static JsonGenerator generator(java.io.Writer text) throws IOException {
    JsonGenerator json = MAPPER.getFactory().createGenerator(text);
    json.setRootValueSeparator(null);
    return json;
  }

  JsonGenerator json() {
    return json;
  }

  /** Ends the object just written with a line break. */
  void endLine() throws IOException {
    json.writeRaw('\n');
  }

  void commit() throws IOException {
    json.close();
    output.commit();
  }

  @Override
  public void close() throws IOException {
    try {
      json.close();
    } finally {
      output.close();
    }
  }
}
